import { describe, expect, it } from "vitest";
import { decideSend, MAX_LABEL, MAX_MESSAGE } from "../../src/core/alert";
import { assess, knowledgeUrl, type AssessInput } from "../../src/core/assess";
import { scanAttachment, type AttachmentScan } from "../../src/core/attachments";
import { Budget } from "../../src/core/content/budget";
import { findSharingServices } from "../../src/core/links";
import { defaultPolicy, type Policy } from "../../src/core/policy";
import type { Recipient } from "../../src/core/types";
import { strToU8 } from "fflate";
import { makeCsv } from "../fixtures/make";
import { cijfers3B, factuurPdf, gradeRows, klassenPptx, newsletterDocx, oppDocx, roosterXlsx, verzuimCsv, zorgPdf } from "../fixtures/school";

const policy = defaultPolicy();
const r = (emailAddress: string): Recipient => ({ displayName: "", emailAddress });
const ME = "docent@school.example";
const colleague = { to: [r("mentor@school.example")], cc: [], bcc: [] };
const parent = { to: [r("ouder@gmail.com")], cc: [], bcc: [] };
const scan = (name: string, data: Uint8Array | null, p: Policy = policy) => scanAttachment({ name, size: data ? data.length : 0, content: data }, p, new Budget(10000));
const run = (over: Partial<AssessInput>) => assess({ recipients: colleague, sender: ME, body: "", scans: [], policy, lang: "nl", ...over });

describe("assess: student files", () => {
  it("says how many student names with grades an XLSX holds, stronger when it leaves the school", () => {
    const inside = run({ scans: [scan("3B cijfers.xlsx", cijfers3B())] });
    expect(inside.findings).toHaveLength(1);
    expect(inside.findings[0]).toMatchObject({ kind: "student-file", severity: "warning", attachmentName: "3B cijfers.xlsx" });
    expect(inside.findings[0].message).toContain("Bijlage ‘3B cijfers.xlsx’ bevat 27 leerlingnamen met cijfers.");
    const outside = run({ recipients: parent, scans: [scan("3B cijfers.xlsx", cijfers3B())] });
    expect(outside.findings[0].severity).toBe("high");
    expect(outside.findings[0].message).toContain("27 leerlingnamen met cijfers en gaat naar een adres buiten school.");
    expect(outside.findings[0].message).toContain("OneDrive");
  });

  it("speaks English when Outlook does", () => {
    const a = run({ lang: "en", recipients: parent, scans: [scan("3B grades.xlsx", cijfers3B())] });
    expect(a.findings[0].message).toContain("Attachment ‘3B grades.xlsx’ contains 27 student names with grades and goes to an address outside the school.");
  });

  it("flags an OPP with special-category data and links the care entry", () => {
    const a = run({ recipients: parent, scans: [scan("Plan Sanne.docx", oppDocx())] });
    const f = a.findings[0];
    expect(f.kind).toBe("student-file");
    expect(f.severity).toBe("high");
    expect(f.details.signals).toEqual(expect.arrayContaining(["special-category", "student-numbers", "birth-dates"]));
    expect(f.message).toMatch(/bijzondere persoonsgegevens \(zoals diagnose, ADHD, dyslexie\)/);
    expect(f.knowledgeEntryId).toBe("bijzondere-persoonsgegevens-zorg");
  });

  it("flags absence exports, research reports in PDF and grade slides", () => {
    expect(run({ scans: [scan("export.csv", verzuimCsv())] }).findings[0].message).toContain("bevat verzuimgegevens van 11 leerlingen en 12 leerlingnummers.");
    const pdf = run({ scans: [scan("verslag.pdf", zorgPdf())] }).findings[0];
    expect(pdf.details.signals).toEqual(expect.arrayContaining(["bsn", "special-category"]));
    expect(pdf.severity).toBe("high");
    expect(run({ scans: [scan("resultaten.pptx", klassenPptx())] }).findings).toHaveLength(1);
  });

  it("recognises a student file by its name when the content cannot be read", () => {
    const a = run({ recipients: parent, scans: [scan("OPP Sanne de Vries.pdf", null)] });
    const kinds = a.findings.map((f) => f.kind);
    expect(kinds).toEqual(["student-file", "unreadable-attachment"]);
    expect(a.findings[0].message).toContain("lijkt op basis van de naam een ontwikkelingsperspectief (OPP)");
    expect(a.findings[0].knowledgeEntryId).toBe("oso-bijlagen");
    expect(a.findings[1]).toMatchObject({ severity: "info", details: { reason: "not-available" } });
  });

  it("recognises exports from student information systems by name", () => {
    for (const name of ["SOMtoday_export_leerlingen.csv", "MagisterExport 2025.xlsx", "ParnasSys_groep8.xlsx", "Overstapdossier_OSO.pdf", "dyslexieverklaring.pdf", "Verzuimoverzicht periode 2.xlsx"]) {
      expect(scan(name, null).namePatterns.length, name).toBeGreaterThan(0);
    }
    for (const name of ["Nieuwsbrief december.docx", "rooster 3B.xlsx", "opposite.pdf", "factuur.pdf", "foto schoolreis.jpg"]) {
      expect(scan(name, null).namePatterns, name).toEqual([]);
    }
  });

  it("does not flag a newsletter, a timetable or an invoice", () => {
    const a = run({ recipients: parent, scans: [scan("Nieuwsbrief december.docx", newsletterDocx()), scan("rooster 3B.xlsx", roosterXlsx()), scan("factuur 2025-0142.pdf", factuurPdf())] });
    expect(a.findings).toEqual([]);
  });

  it("flags an HTML table saved as .xls by its content, and not an HTML newsletter", () => {
    const rows = gradeRows(27);
    const table = "<table>" + rows.map((r) => "<tr>" + r.map((c) => `<td>${c}</td>`).join("") + "</tr>").join("") + "</table>";
    const a = run({ recipients: parent, scans: [scan("export.xls", strToU8(`<html><body>${table}</body></html>`))] });
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]).toMatchObject({ kind: "student-file", severity: "high", attachmentName: "export.xls" });
    expect(a.findings[0].message).toContain("27 leerlingnamen met cijfers");
    const newsletter = "<!DOCTYPE html><html><body><h1>Nieuwsbrief december</h1><p>Beste ouders en verzorgers,</p><p>Op 12 december is er een informatieavond over de profielkeuze in 3B.</p><table><tr><td>19.00</td><td>Ontvangst in de aula</td></tr><tr><td>19.30</td><td>Presentatie</td></tr></table></body></html>";
    const n = scan("nieuwsbrief.htm", strToU8(newsletter));
    expect(n.status).toBe("checked");
    expect(run({ recipients: parent, scans: [n] }).findings).toEqual([]);
  });

  it("never calls an unreadable file safe", () => {
    const a = run({ scans: [scan("scan.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))] });
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]).toMatchObject({ kind: "unreadable-attachment", attachmentName: "scan.jpg" });
    expect(a.findings[0].message).toContain("niet gecontroleerd");
  });

  it("asks about an unfinished document going outside the school, not about photos or internal mail", () => {
    const big: AttachmentScan = { name: "export leerlingen 2025.xlsx", size: 30 << 20, namePatterns: [], status: "not-checked", reason: "too-large" };
    const photo: AttachmentScan = { name: "schoolreis.jpg", size: 3 << 20, namePatterns: [], status: "not-checked", reason: "no-text" };
    const out = run({ recipients: parent, scans: [big, photo] });
    expect(out.findings.map((f) => [f.attachmentName, f.kind, f.severity])).toEqual([
      ["export leerlingen 2025.xlsx", "unreadable-attachment", "warning"],
      ["schoolreis.jpg", "unreadable-attachment", "info"],
    ]);
    expect(run({ scans: [big] }).findings[0].severity).toBe("info");
  });

  it("treats a partly read file without findings as not checked", () => {
    const p: Policy = { ...policy, attachments: { ...policy.attachments, maxExtractedChars: 50 } };
    const s = scan("lijst.csv", makeCsv([["Omschrijving", "Aantal"], ...Array.from({ length: 40 }, () => ["Schriften", "2"])]), p);
    expect(s).toMatchObject({ status: "not-checked", reason: "too-large" });
  });
});

describe("assess: recipients and links", () => {
  it("reports exposed recipients with counts and the breach entry", () => {
    const to = Array.from({ length: 27 }, (_, i) => r(`ouder${i}@${i % 2 ? "hotmail.com" : "ziggo.nl"}`));
    const a = run({ recipients: { to, cc: [r("collega@school.example")], bcc: [] } });
    expect(a.findings[0]).toMatchObject({ kind: "exposed-recipients", severity: "high", knowledgeEntryId: "datalek", details: { visible: 28, private: 27, school: 1, exposed: 27 } });
    expect(a.findings[0].message).toContain("27 adressen van buiten school staan zichtbaar in Aan/CC");
  });

  it("warns about a contact group in To, which the user may still send to", () => {
    const group = (displayName: string): Recipient => ({ displayName, emailAddress: "", recipientType: "distributionList" });
    const a = run({ recipients: { to: [group("Ouders 2B")], cc: [], bcc: [] } });
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]).toMatchObject({ kind: "contact-group", severity: "warning", knowledgeEntryId: "datalek", details: { groups: 1 } });
    expect(a.findings[0].message).toContain("Contactgroep ‘Ouders 2B’ staat in Aan/CC");
    expect(decideSend(a, { mailbox114: true, mailbox115: true }, "nl", false)).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", commandId: "privacyCheckButton" });
    const two = run({ recipients: { to: [group("Ouders 2B")], cc: [group("")], bcc: [] }, lang: "en" });
    expect(two.findings[0].message).toContain("Contact groups ‘Ouders 2B’ and 1 without a name are in To/Cc");
    const unnamed = run({ recipients: { to: [group(" ")], cc: [], bcc: [] } });
    expect(unnamed.findings[0].message).toMatch(/^Contactgroep staat in Aan\/CC\./);
    // In Bcc a group is where it belongs; an Exchange list has its own address and hides its members.
    expect(run({ recipients: { to: [r("mentor@school.example")], cc: [], bcc: [group("Ouders 2B")] } }).findings).toEqual([]);
    expect(run({ recipients: { to: [{ displayName: "Personeel", emailAddress: "personeel@school.example", recipientType: "distributionList" }], cc: [], bcc: [] } }).findings).toEqual([]);
  });

  it("warns gently about consumer file-sharing links, not about allowed ones", () => {
    expect(findSharingServices('<a href="https://www.dropbox.com/s/abc/lijst.xlsx">lijst</a> en https://we.tl/t-123', policy)).toEqual(["Dropbox", "WeTransfer"]);
    expect(findSharingServices("https://school-my.sharepoint.com/:x:/g/personal/abc https://1drv.ms/x/s!abc", policy)).toEqual([]);
    const a = run({ body: "Zie https://drive.google.com/file/d/123" });
    expect(a.findings[0]).toMatchObject({ kind: "sharing-link", severity: "warning", knowledgeEntryId: "big-tech", details: { services: ["Google Drive"] } });
    const allowing: Policy = { ...policy, sharing: { ...policy.sharing, allowedHosts: [...policy.sharing.allowedHosts, "drive.google.com"] } };
    expect(run({ body: "https://drive.google.com/file/d/123", policy: allowing }).findings).toEqual([]);

  });

  it("recognises shared links typed without https, but not mentions or e-mail addresses", () => {
    expect(findSharingServices("Download: we.tl/t-AbC123 of www.dropbox.com en mega.nz/file/x.", policy)).toEqual(["WeTransfer", "Dropbox", "MEGA"]);
    // A parent's iCloud address, a signature, and a plain mention are not links.
    expect(findSharingServices("Mail ouder@icloud.com of <a href=\"mailto:ouder@icloud.com\">ouder</a>; verstuur het niet via WeTransfer of wetransfer.com.", policy)).toEqual([]);
    // A longer host that merely ends in a service's name is another host.
    expect(findSharingServices("https://notdropbox.com/s/x https://dropbox.com.example.org/x", policy)).toEqual([]);
    // An inline image as a megabyte of base64 does not slow the scan down to a crawl or trip it.
    const image = "<img src=\"data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB".repeat(40000) + "\">";
    expect(findSharingServices(image + " https://www.wetransfer.com/downloads/abc", policy)).toEqual(["WeTransfer"]);
  });

  it("links to a Teams chat with the bot when the policy knows the bot id", () => {
    expect(knowledgeUrl(policy, "datalek", "nl")).toBe("");
    const p: Policy = { ...policy, knowledge: { ...policy.knowledge, botId: "11111111-2222-3333-4444-555555555555" } };
    const url = knowledgeUrl(p, "datalek", "nl");
    expect(url).toBe("https://teams.microsoft.com/l/chat/0/0?users=28:11111111-2222-3333-4444-555555555555&message=" + encodeURIComponent(policy.knowledge.entries.datalek.nl));
    expect(url).toContain("message=Wat%20is%20een%20datalek");
  });
});

describe("decideSend", () => {
  const botPolicy: Policy = { ...policy, knowledge: { ...policy.knowledge, botId: "11111111-2222-3333-4444-555555555555" } };
  const exposed = assess({ recipients: { to: Array.from({ length: 30 }, (_, i) => r(`o${i}@gmail.com`)), cc: [], bcc: [] }, sender: ME, body: "https://wetransfer.com/x", scans: [scan("3B cijfers.xlsx", cijfers3B()), scan("OPP.docx", oppDocx())], policy: botPolicy, lang: "nl" });
  const fileOnly = assess({ recipients: parent, sender: ME, body: "", scans: [scan("3B cijfers.xlsx", cijfers3B())], policy: botPolicy, lang: "nl" });
  const all = { mailbox114: true, mailbox115: true };

  it("lets a clean mail go", () => {
    expect(decideSend(run({}), all, "nl", false)).toEqual({ allowEvent: true });
    expect(decideSend(run({ scans: [scan("foto.jpg", new Uint8Array([0xff, 0xd8]))] }), all, "nl", false)).toEqual({ allowEvent: true });
  });

  it("offers the one-click Bcc fix on Mailbox 1.15 and keeps the soft block", () => {
    const d = decideSend(exposed, all, "nl", false);
    expect(d).toMatchObject({ allowEvent: false, commandId: "moveToBccButton", cancelLabel: "Naar BCC" });
    expect(d.sendModeOverride).toBeUndefined();
    expect(d.errorMessage!.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(d.errorMessageMarkdown!.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(d.cancelLabel!.length).toBeLessThanOrEqual(MAX_LABEL);
    expect(d.errorMessage).toContain("En nog 2 meldingen");
  });

  it("opens the task pane on Mailbox 1.14 and explains the manual fix before that", () => {
    expect(decideSend(exposed, { mailbox114: true, mailbox115: false }, "nl", false)).toMatchObject({ allowEvent: false, commandId: "privacyCheckButton", cancelLabel: "Privacycheck" });
    const old = decideSend(exposed, { mailbox114: false, mailbox115: false }, "nl", false);
    expect(old.commandId).toBeUndefined();
    expect(old.cancelLabel).toBeUndefined();
    expect(old.errorMessageMarkdown).toBeUndefined();
    expect(old.errorMessage).toContain("Knip de externe adressen uit Aan/CC");
  });

  it("lets the user send anyway for advice-only findings", () => {
    expect(decideSend(fileOnly, all, "nl", false)).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", commandId: "privacyCheckButton" });
    // Before Mailbox 1.14 there is no "Send anyway": a second Send of the same draft passes.
    expect(decideSend(fileOnly, { mailbox114: false, mailbox115: false }, "nl", false).allowEvent).toBe(false);
    expect(decideSend(fileOnly, { mailbox114: false, mailbox115: false }, "nl", true).allowEvent).toBe(true);
    // Exposed recipients are never waved through that way.
    expect(decideSend(exposed, { mailbox114: false, mailbox115: false }, "nl", true).allowEvent).toBe(false);
  });

  it("puts knowledge links in the Markdown message and escapes file names", () => {
    const d = decideSend(fileOnly, all, "nl", false);
    expect(d.errorMessageMarkdown).toContain("[Lees meer](https://teams.microsoft.com/l/chat/0/0?users=28:");
    const odd = assess({ recipients: colleague, sender: ME, body: "", scans: [scan("cijfers_*3B*.xlsx", cijfers3B())], policy, lang: "nl" });
    expect(decideSend(odd, all, "nl", false).errorMessageMarkdown).toContain("cijfers\\_\\*3B\\*.xlsx");
  });
});

describe("knowledge links in the Smart Alert", () => {
  it("keeps the Markdown link whole when the policy's question has parentheses", () => {
    const question = "Mag ik cijfers (of een OPP) mailen?";
    const p: Policy = {
      ...policy,
      knowledge: { ...policy.knowledge, botId: "11111111-2222-3333-4444-555555555555", entries: { ...policy.knowledge.entries, "vuistregels-veilig-werken": { nl: question, en: question } } },
    };
    const a = assess({ recipients: parent, sender: ME, body: "", scans: [scan("3B cijfers.xlsx", cijfers3B())], policy: p, lang: "nl" });
    const md = decideSend(a, { mailbox114: true, mailbox115: true }, "nl", false).errorMessageMarkdown!;
    const link = /\[Lees meer\]\(([^)\s]*)\)/.exec(md);
    expect(link).not.toBeNull();
    expect(decodeURIComponent(new URL(link![1]).searchParams.get("message") || "")).toBe(question);
  });
});

describe("assess: PDF grade lists", () => {
  it("finds names with grades in a text PDF (one line per student)", async () => {
    const { makePdf } = await import("../fixtures/make");
    const { gradeRows } = await import("../fixtures/school");
    const pdf = makePdf(gradeRows(10).map((row) => row.join(" ")), true);
    const a = run({ scans: [scan("cijferlijst 3B.pdf", pdf)] });
    expect(a.findings[0].message).toContain("bevat 10 leerlingnamen met cijfers");
  });
});
