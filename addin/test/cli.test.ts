import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cijfers3B, newsletterDocx, oppDocx } from "./fixtures/school";

const cli = join(__dirname, "..", "dist", "cli.mjs");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pa-cli-"));
  writeFileSync(join(dir, "3B cijfers.xlsx"), cijfers3B());
  writeFileSync(join(dir, "OPP Sanne.docx"), oppDocx());
  writeFileSync(join(dir, "Nieuwsbrief.docx"), newsletterDocx());
  writeFileSync(join(dir, "body.html"), '<p>Zie <a href="https://www.dropbox.com/s/x/lijst.xlsx">de lijst</a></p>');
});

function run(args: string[]) {
  return JSON.parse(execFileSync(process.execPath, [cli, ...args], { encoding: "utf8" }));
}

describe("privacycheck CLI", () => {
  it("prints the findings of the same assessment as the add-in", () => {
    const to = Array.from({ length: 12 }, (_, i) => `ouder${i}@hotmail.com`).join(",");
    const out = run(["--from", "docent@school.example", "--to", to, "--cc", "mentor@school.example", "--attach", join(dir, "3B cijfers.xlsx"), "--attach", join(dir, "Nieuwsbrief.docx"), "--attach", join(dir, "OPP Sanne.docx"), "--body-file", join(dir, "body.html")]);
    const kinds = out.findings.map((f: { kind: string }) => f.kind);
    expect(kinds).toEqual(["exposed-recipients", "student-file", "student-file", "sharing-link"]);
    expect(out.findings[1]).toMatchObject({ severity: "high", attachmentName: "3B cijfers.xlsx" });
    expect(out.findings[1].message).toContain("bevat 27 leerlingnamen met cijfers");
    for (const f of out.findings) expect(typeof f.message).toBe("string");
    expect(out.recipients).toMatchObject({ private: 12, school: 1 });
    expect(out.smartAlert.allowEvent).toBe(false);
  });

  it("reports nothing for a harmless mail and speaks English on request", () => {
    const out = run(["--to", "collega@school.example", "--attach", join(dir, "Nieuwsbrief.docx"), "--lang", "en"]);
    expect(out.findings).toEqual([]);
    const en = run(["--to", "a@gmail.com", "--attach", join(dir, "3B cijfers.xlsx"), "--lang", "en"]);
    expect(en.findings[0].message).toContain("contains 27 student names with grades");
  });

  it("reports a missing file as not checked", () => {
    const out = run(["--to", "a@gmail.com", "--attach", join(dir, "bestaat-niet.pdf")]);
    expect(out.findings).toEqual([expect.objectContaining({ kind: "unreadable-attachment", attachmentName: "bestaat-niet.pdf" })]);
  });

  it("takes a policy file and rejects a broken one with a clear message", () => {
    const p = join(dir, "policy.json");
    writeFileSync(p, JSON.stringify({ version: 1, schoolDomains: ["x"] }));
    const r = spawnSync(process.execPath, [cli, "--policy", p, "--to", "a@gmail.com"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/policy: schoolDomains\[0\] is not a domain name|policy: recipients must be an object/);
    const bad = spawnSync(process.execPath, [cli, "--frm", "x"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown option --frm");
  });
});
