// Benchmark (not a test): assessment time for 500 recipients and 10 attachments of ~5 MB per format.
//   npm run bench
import { zipSync, strToU8 } from "fflate";
import { assess } from "../src/core/assess";
import { scanAttachment } from "../src/core/attachments";
import { Budget } from "../src/core/content/budget";
import { defaultPolicy } from "../src/core/policy";
import type { Recipient } from "../src/core/types";
import { makeCsv, makeDocx, makePdf, makePptx, makeXlsx } from "../test/fixtures/make";

const policy = defaultPolicy();
// The benchmark measures full scans: give them time so the caps do not cut them short.
policy.attachments.scanBudgetMs = 60000;
const TARGET = 5 * 1024 * 1024;

function names(n: number): string[][] {
  const first = ["Sanne", "Daan", "Emma", "Finn", "Julia", "Lucas", "Noor", "Sem", "Tess", "Milan"];
  const last = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos"];
  const rows: string[][] = [["Leerlingnummer", "Naam", "Geboortedatum", "Ne", "En", "Wi", "Gem."]];
  for (let i = 0; i < n; i++) {
    rows.push([String(100000 + i), `${first[i % 10]} ${last[(i * 7) % 10]}`, `${1 + (i % 28)}-${1 + (i % 12)}-2010`, "6,5", "7,1", "5,8", "6,5"]);
  }
  return rows;
}

function grow(make: (rows: string[][]) => Uint8Array): Uint8Array {
  // Grow the number of rows until the file is about 5 MB.
  let n = 2000;
  let data = make(names(n));
  for (let i = 0; i < 8 && Math.abs(data.length - TARGET) > TARGET * 0.1; i++) {
    n = Math.max(100, Math.round((n * TARGET) / data.length));
    data = make(names(n));
  }
  return data;
}

const formats: Record<string, () => Uint8Array> = {
  csv: () => grow((rows) => makeCsv(rows)),
  xlsx: () => grow((rows) => makeXlsx([rows])),
  docx: () => grow((rows) => makeDocx(["Cijferoverzicht klas 3B"], [rows])),
  pptx: () => grow((rows) => makePptx([rows.map((r) => r.join(" ")).join("\n")])),
  pdf: () => grow((rows) => makePdf(rows.map((r) => r.join(" ")), true)),
  "png (not checked)": () => new Uint8Array(TARGET),
  "zip (not checked)": () => zipSync({ "a.txt": strToU8("x".repeat(TARGET)) }),
};

const recipients: Recipient[] = [];
for (let i = 0; i < 500; i++) recipients.push({ displayName: `Ouder ${i}`, emailAddress: `ouder${i}@${i % 3 === 0 ? "gmail.com" : i % 3 === 1 ? "ziggo.nl" : "example.org"}` });

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const rows: string[] = [];
rows.push("| format | file size | 10 attachments: scan (median of 3) | per attachment | whole assessment (500 recipients) | result |");
rows.push("| --- | ---: | ---: | ---: | ---: | --- |");
for (const [fmt, make] of Object.entries(formats)) {
  const data = make();
  const ext = fmt.split(" ")[0];
  const times: number[] = [];
  const totals: number[] = [];
  let summary = "";
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const scans = [];
    for (let i = 0; i < 10; i++) scans.push(scanAttachment({ name: `bijlage-${i}.${ext}`, size: data.length, content: data }, policy, new Budget(policy.attachments.scanBudgetMs)));
    const t1 = performance.now();
    const a = assess({ recipients: { to: recipients, cc: [], bcc: [] }, sender: "docent@school.example", body: "", scans, policy, lang: "nl" });
    const t2 = performance.now();
    times.push(t1 - t0);
    totals.push(t2 - t0);
    const s = scans[0];
    summary = s.status === "checked" ? `checked: ${s.signals!.namesWithGrades} names with grades` : `not checked (${s.reason})`;
    if (run === 0) summary += `; ${a.findings.length} findings`;
  }
  const m = median(times);
  rows.push(`| ${fmt} | ${(data.length / 1048576).toFixed(1)} MB | ${m.toFixed(0)} ms | ${(m / 10).toFixed(0)} ms | ${median(totals).toFixed(0)} ms | ${summary} |`);
}
const r0 = performance.now();
for (let i = 0; i < 100; i++) assess({ recipients: { to: recipients, cc: [], bcc: [] }, sender: "docent@school.example", body: "", scans: [], policy, lang: "nl" });
rows.push("");
rows.push(`Recipients only (500 in To, no attachments): ${((performance.now() - r0) / 100).toFixed(2)} ms per assessment.`);
console.log(`Node ${process.version}, ${process.arch}\n`);
console.log(rows.join("\n"));
