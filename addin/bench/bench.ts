// Benchmark (not a test): assessment time for 500 recipients and 10 attachments of ~5 MB per format.
//   npm run bench
// "typical" files are what a school mails (a class table plus a photo/logo filling the size);
// "data" files are 5 MB of rows (a large export) — the worst case for the scanners.
import { strToU8, unzipSync, zipSync } from "fflate";
import { randomBytes } from "node:crypto";
import { assess } from "../src/core/assess";
import { scanAttachment, type AttachmentScan } from "../src/core/attachments";
import { Budget } from "../src/core/content/budget";
import { defaultPolicy } from "../src/core/policy";
import type { Recipient } from "../src/core/types";
import { SEND_SCAN_BUDGET_MS } from "../src/office/handlers";
import { makeCsv, makeDocx, makePdf, makePptx, makeXlsx } from "../test/fixtures/make";
import { gradeRows } from "../test/fixtures/school";

const policy = defaultPolicy();
const PRESCAN_BUDGET_MS = Math.max(policy.attachments.scanBudgetMs, 10000); // as in onItemChangedHandler
const TARGET = 5 * 1024 * 1024;
const photo = () => randomBytes(TARGET - 64 * 1024); // incompressible, like a JPEG

function withMedia(zipped: Uint8Array, mediaPath: string): Uint8Array {
  // Re-pack the OOXML package with a large image part added, as Word/PowerPoint store pictures.
  const files = unzipSync(zipped);
  files[mediaPath] = photo();
  return zipSync(files, { level: 6 });
}

function pdfWithImage(lines: string[]): Uint8Array {
  const pdf = makePdf(lines, true);
  // Append an incremental-update image object (a scanned logo) to reach the size.
  const img = photo();
  const head = strToU8(`\n99 0 obj\n<< /Type /XObject /Subtype /Image /Width 1000 /Height 1000 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter /DCTDecode /Length ${img.length} >>\nstream\n`);
  const tail = strToU8("\nendstream\nendobj\n");
  const out = new Uint8Array(pdf.length + head.length + img.length + tail.length);
  out.set(pdf, 0); out.set(head, pdf.length); out.set(img, pdf.length + head.length); out.set(tail, pdf.length + head.length + img.length);
  return out;
}

function grow(make: (n: number) => Uint8Array): Uint8Array {
  let n = 5000;
  let data = make(n);
  for (let i = 0; i < 6 && Math.abs(data.length - TARGET) > TARGET * 0.05; i++) {
    n = Math.max(100, Math.round((n * TARGET) / data.length));
    data = make(n);
  }
  return data;
}

const lines = (rows: string[][]) => rows.map((r) => r.join(" "));
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
/** Rows with varied numbers, so the file does not compress better than a real export. */
function exportRows(n: number): string[][] {
  const base = gradeRows(27);
  const rows = [["Leerlingnummer"].concat(base[0])];
  for (let i = 0; i < n; i++) rows.push([String(100000 + Math.floor(rnd() * 899999)), base[1 + (i % 27)][0]].concat([0, 1, 2, 3].map(() => (1 + rnd() * 9).toFixed(1).replace(".", ","))));
  return rows;
}
const formats: [string, string, () => Uint8Array][] = [
  ["csv", "data", () => grow((n) => makeCsv(exportRows(n)))],
  ["xlsx", "data", () => grow((n) => makeXlsx([exportRows(n)]))],
  ["xlsx", "typical", () => withMedia(makeXlsx([gradeRows(27)]), "xl/media/image1.png")],
  ["docx", "typical", () => withMedia(makeDocx(["Cijferoverzicht klas 3B"], [gradeRows(27)]), "word/media/image1.jpeg")],
  ["docx", "data", () => grow((n) => makeDocx(["Cijferoverzicht"], [exportRows(n)]))],
  ["pptx", "typical", () => withMedia(makePptx(["Resultaten 3B", lines(gradeRows(27)).join("\n")]), "ppt/media/image1.jpeg")],
  ["pdf", "typical", () => pdfWithImage(lines(gradeRows(27)))],
  ["pdf", "data", () => grow((n) => makePdf(lines(exportRows(n)), true))],
  ["png", "image", () => randomBytes(TARGET)],
  ["zip", "archive", () => zipSync({ "a.bin": randomBytes(TARGET) }, { level: 0 })],
];

const recipients: Recipient[] = [];
for (let i = 0; i < 500; i++) recipients.push({ displayName: `Ouder ${i}`, emailAddress: `ouder${i}@${i % 3 === 0 ? "gmail.com" : i % 3 === 1 ? "ziggo.nl" : "example.org"}` });

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const describeScan = (s: AttachmentScan) => (s.status === "checked" ? `checked${s.signals && s.signals.namesWithGrades ? ` (${s.signals.namesWithGrades} names with grades)` : ""}` : `not checked: ${s.reason}`);

const out: string[] = [];
out.push(`Node ${process.version} ${process.arch}; pre-scan budget ${PRESCAN_BUDGET_MS} ms per attachment (change handler), send-time budget ${SEND_SCAN_BUDGET_MS} ms shared by all attachments.`);
out.push("");
out.push("| format | kind | size | pre-scan per file (median of 3) | pre-scan throughput | 10 files pre-scanned | result | assessment at send, 500 recipients + 10 cached scans | send without pre-scan: 10 files checked in budget |");
out.push("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
for (const [ext, kind, make] of formats) {
  if (process.env.BENCH_ONLY && process.env.BENCH_ONLY !== `${ext}-${kind}`) continue;
  const data = make();
  console.error(`${ext} ${kind}: ${(data.length / 1048576).toFixed(1)} MB generated`);
  const per: number[] = [];
  let scans: AttachmentScan[] = [];
  for (let run = 0; run < 3; run++) {
    scans = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      scans.push(scanAttachment({ name: `bijlage-${i}.${ext}`, size: data.length, content: data }, policy, new Budget(PRESCAN_BUDGET_MS)));
      per.push(performance.now() - t);
    }
  }
  const total = median(per) * 10;
  const a0 = performance.now();
  const a = assess({ recipients: { to: recipients, cc: [], bcc: [] }, sender: "docent@school.example", body: "", scans, policy, lang: "nl" });
  const assessMs = performance.now() - a0;
  const sendBudget = new Budget(SEND_SCAN_BUDGET_MS);
  let checkedAtSend = 0;
  for (let i = 0; i < 10; i++) if (scanAttachment({ name: `b-${i}.${ext}`, size: data.length, content: data }, policy, sendBudget).status === "checked") checkedAtSend++;
  out.push(`| ${ext} | ${kind} | ${(data.length / 1048576).toFixed(1)} MB | ${median(per).toFixed(0)} ms | ${scans[0].status === "checked" ? `${(data.length / 1048576 / (median(per) / 1000)).toFixed(0)} MB/s` : "–"} | ${total.toFixed(0)} ms | ${describeScan(scans[0])}; ${a.findings.length} findings | ${assessMs.toFixed(1)} ms | ${checkedAtSend}/10 |`);
}
const r0 = performance.now();
for (let i = 0; i < 200; i++) assess({ recipients: { to: recipients, cc: [], bcc: [] }, sender: "docent@school.example", body: "", scans: [], policy, lang: "nl" });
out.push("");
out.push(`Recipients only (500 in To): ${((performance.now() - r0) / 200).toFixed(2)} ms per assessment.`);
console.log(out.join("\n"));
