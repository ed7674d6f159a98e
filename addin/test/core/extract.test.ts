import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { Budget } from "../../src/core/content/budget";
import { base64ToBytes, decodeText } from "../../src/core/content/bytes";
import { extract } from "../../src/core/content/extract";
import type { ExtractResult } from "../../src/core/content/model";
import { makeCsv, makeDocx, makePdf, makePptx, makeXlsx } from "../fixtures/make";
import { gradeRows } from "../fixtures/school";

const limits = { maxScanBytes: 25 << 20, maxExtractedChars: 2_000_000 };
const run = (name: string, data: Uint8Array, ms = 10000) => extract(name, data, limits, new Budget(ms));
const ok = (r: ExtractResult) => {
  if (!r.ok) throw new Error("not ok: " + r.reason);
  return r.content;
};

describe("extract", () => {
  it("reads XLSX shared strings and numeric cells into a table", () => {
    const c = ok(run("3B cijfers.xlsx", makeXlsx([gradeRows(3)])));
    expect(c.tables[0][0]).toEqual(["Leerling", "Ne", "En", "Wi", "Gem."]);
    expect(c.tables[0][1][0]).toBe("Sanne de Vries");
    expect(c.tables[0][1][1]).toBe("5.0");
  });

  it("reads DOCX paragraphs split over runs, and tables", () => {
    const c = ok(run("plan.docx", makeDocx(["Naam leerling: Sanne de Vries"], [[["Doel", "Evaluatie"], ["Lezen", "Goed"]]])));
    expect(c.text).toContain("Naam leerling: Sanne de Vries");
    expect(c.tables[0]).toEqual([["Doel", "Evaluatie"], ["Lezen", "Goed"]]);
  });

  it("reads PPTX slide text", () => {
    expect(ok(run("les.pptx", makePptx(["Titel", "Regel een\nRegel & twee"]))).text).toContain("Regel & twee");
  });

  it("reads CSV in Windows-1252 with semicolons and quotes", () => {
    const c = ok(run("export.csv", makeCsv([["Naam", "Opmerking"], ["Zoë Kok", 'zei "hoi"; ging'], ["Anna Vos", "ok"]], ";", "cp1252")));
    expect(c.tables[0]).toEqual([["Naam", "Opmerking"], ["Zoë Kok", 'zei "hoi"; ging'], ["Anna Vos", "ok"]]);
  });

  it("reads PDF text from uncompressed and Flate-compressed content streams", () => {
    for (const compressed of [false, true]) {
      const c = ok(run("a.pdf", makePdf(["Naam leerling: Sanne (de) Vries", "BSN 111222333"], compressed)));
      expect(c.text).toContain("Naam leerling: Sanne (de) Vries");
      expect(c.text).toContain("BSN 111222333");
    }
  });

  it("reads PDF text shown as glyph ids through the font's ToUnicode CMap", () => {
    const c = ok(run("b.pdf", makePdf(["Diagnose: autisme", "Geboren op 4 mei 2011"], true, { cid: true })));
    expect(c.text).toContain("Diagnose: autisme");
  });

  it("reports scans, encrypted, legacy, archives and images as not readable", () => {
    const cases: [string, Uint8Array, string][] = [
      ["scan.pdf", makePdf([], true, { image: true }), "no-text"],
      ["geheim.pdf", strToU8("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R /Encrypt 5 0 R >>\n%%EOF"), "encrypted"],
      ["beveiligd.xlsx", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "encrypted"],
      ["oud.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "unsupported-format"],
      ["map.zip", zipSync({ "a.txt": strToU8("BSN 111222333") }), "unsupported-format"],
      ["foto.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), "no-text"],
      ["kapot.docx", strToU8("PK\u0003\u0004 not really a zip"), "corrupt"],
      ["leeg.docx", zipSync({ "other.xml": strToU8("<x/>") }), "corrupt"],
    ];
    for (const [name, data, reason] of cases) {
      const r = run(name, data);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.reason, name).toBe(reason);
    }
  });

  it("reads an .xls export that is really an HTML table, with HTML entities, without scripts or styles", () => {
    const rows = gradeRows(4);
    const html =
      `<html><head><meta charset="utf-8"><style>td { mso-number-format: "0.0" }</style><script>var x = "<td>nee</td>";</script></head><body>` +
      `<table border="1">\n` +
      rows.map((r, i) => "<tr>" + r.map((c) => (i === 0 ? `<th>${c}</th>` : `<td class="n">${c}`)).join("") + "</tr>").join("\n") +
      `\n<tr><td>Zo&euml; Kok<td>7,5</td></tr><!-- <tr><td>verborgen</td></tr> --></table></body></html>`;
    const c = ok(run("Magister export 3B.xls", strToU8(html)));
    expect(c.tables).toHaveLength(1);
    expect(c.tables[0][0]).toEqual(["Leerling", "Ne", "En", "Wi", "Gem."]);
    expect(c.tables[0][1]).toEqual(rows[1]);
    expect(c.tables[0][5]).toEqual(["Zoë Kok", "7,5"]);
    expect(c.tables[0]).toHaveLength(6);
    expect(c.text).toContain("Sanne de Vries");
    expect(c.text).not.toMatch(/<td|mso-number|verborgen|nee/);
  });

  it("reads an .xls export that is really tab-separated text", () => {
    const c = ok(run("leerlingen.xls", makeCsv(gradeRows(3), "\t", "cp1252")));
    expect(c.tables[0][0]).toEqual(["Leerling", "Ne", "En", "Wi", "Gem."]);
    expect(c.tables[0][3]).toEqual(gradeRows(3)[3]);
  });

  it("reports a document whose bytes do not match its name as damaged, and RTF as not readable", () => {
    const cases: [string, Uint8Array, string][] = [
      ["brief.docx", strToU8("Beste ouders, dit is geen Word-bestand."), "corrupt"],
      ["verslag.pdf", strToU8("<html><body>Downloadfout</body></html>"), "corrupt"],
      ["cijfers.xlsx", new Uint8Array(64), "corrupt"],
      ["plan.rtf", strToU8("{\\rtf1\\ansi Sanne de Vries\\par}"), "unsupported-format"],
      ["oud.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "unsupported-format"],
    ];
    for (const [name, data, reason] of cases) expect(run(name, data), name).toMatchObject({ ok: false, reason });
    // A PDF header after some bytes of junk is still a PDF, as readers accept it.
    const pdf = makePdf(["Nieuwsbrief", "Beste ouders en verzorgers van klas 3B"], false);
    const junk = new Uint8Array(pdf.length + 3);
    junk.set([0xef, 0xbb, 0xbf]);
    junk.set(pdf, 3);
    expect(ok(run("brief.pdf", junk)).text).toContain("Beste ouders");
  });

  it("refuses a zip bomb before inflating it", () => {
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(120 << 20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1 << 20);
    const r = extract("bom.xlsx", bomb, { maxScanBytes: 25 << 20, maxExtractedChars: 1000 }, new Budget(10000));
    expect(r).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("refuses files above the byte cap and stops at the time budget", () => {
    expect(extract("groot.csv", new Uint8Array(2000), { maxScanBytes: 1000, maxExtractedChars: 10 }, new Budget(1000))).toMatchObject({ ok: false, reason: "too-large" });
    let t = 0;
    const clock = () => (t += 50); // every check advances the clock: the budget runs out mid-scan
    const r = extract("x.xlsx", makeXlsx([gradeRows(5000)]), limits, new Budget(100, clock));
    expect(r).toMatchObject({ ok: false, reason: "timeout" });
  });
});

describe("bytes", () => {
  it("decodes base64 like Buffer does", () => {
    const data = new Uint8Array(1000).map((_, i) => (i * 37) & 0xff);
    for (const n of [0, 1, 2, 3, 999, 1000]) {
      const b64 = Buffer.from(data.subarray(0, n)).toString("base64");
      expect(Array.from(base64ToBytes(b64))).toEqual(Array.from(data.subarray(0, n)));
    }
  });

  it("decodes UTF-8, UTF-8 with BOM and Windows-1252", () => {
    expect(decodeText(strToU8("Zoë"))).toBe("Zoë");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("A");
    expect(decodeText(new Uint8Array([0x5a, 0x6f, 0xeb, 0x20, 0x80]))).toBe("Zoë €");
  });
});
