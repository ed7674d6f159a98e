import type { AttachmentScan } from "./attachments";
import { isStudentData } from "./detectors/content";
import { findSharingServices } from "./links";
import { text } from "./messages";
import type { Lang, Policy } from "./policy";
import { assessRecipients, type RecipientAssessment } from "./recipients";
import type { Finding, Recipients, Severity } from "./types";

export interface AssessInput {
  recipients: Recipients;
  sender: string;
  /** Body as text or HTML; only link hosts are read from it. */
  body: string;
  scans: AttachmentScan[];
  policy: Policy;
  lang: Lang;
}

export interface Assessment {
  findings: Finding[];
  recipients: RecipientAssessment;
}

/**
 * encodeURIComponent leaves ! ' ( ) * as they are; a ")" in the question would end the Markdown
 * link of the Smart Alert early, so these are percent-encoded too (RFC 3986 allows either form).
 */
function encodeComponent(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Link to the knowledge entry: a Teams chat with the bot, the entry's question typed in. */
export function knowledgeUrl(policy: Policy, entryId: string, lang: Lang): string {
  const k = policy.knowledge;
  const entry = k.entries[entryId];
  if (k.linkTemplate.indexOf("{botId}") >= 0 && !k.botId) return "";
  return k.linkTemplate
    .replace("{botId}", encodeComponent(k.botId))
    .replace("{id}", encodeComponent(entryId))
    .replace("{question}", encodeComponent(entry ? entry[lang] : entryId));
}

const OSO_LABELS = /opp|ontwikkel|onderzoek|overstap|okr|oso|handelingsplan|groeidocument|verklaring/i;

function finding(policy: Policy, lang: Lang, kind: Finding["kind"], severity: Severity, message: string, entry: string, details: Finding["details"], attachmentName?: string): Finding {
  const f: Finding = { kind, severity, message, knowledgeEntryId: entry, knowledgeUrl: knowledgeUrl(policy, entry, lang), details };
  if (attachmentName !== undefined) f.attachmentName = attachmentName;
  return f;
}

function studentFileFinding(scan: AttachmentScan, input: AssessInput, outside: boolean): Finding | null {
  const t = text[input.lang];
  const p = input.policy;
  const s = scan.signals;
  const reasons: string[] = [];
  const signals: string[] = [];
  if (s && isStudentData(s)) {
    if (s.namesWithGrades > 0) { reasons.push(t.gradeNames(s.namesWithGrades)); signals.push("grades"); }
    if (s.namesWithAbsence > 0) { reasons.push(t.absence(s.namesWithAbsence)); signals.push("absence"); }
    if (s.bsns > 0) { reasons.push(t.bsns(s.bsns)); signals.push("bsn"); }
    if (s.specialAboutPerson) { reasons.push(t.special(s.specialTerms)); signals.push("special-category"); }
    if (s.studentNumbers > 0) { reasons.push(t.studentNumbers(s.studentNumbers)); signals.push("student-numbers"); }
    if (s.birthDates > 0) { reasons.push(t.birthDates(s.birthDates)); signals.push("birth-dates"); }
  }
  const labels = scan.namePatterns.map((i) => p.studentFileNamePatterns[i]).filter((x) => !!x);
  let what: string;
  if (reasons.length > 0) {
    what = t.contains + " " + reasons.slice(0, 2).join(t.and);
  } else if (labels.length > 0) {
    what = t.byName(labels[0].label[input.lang]);
    signals.push("file-name");
  } else {
    return null;
  }
  let message = t.attachmentIntro(scan.name) + " " + what;
  message += outside ? " " + t.outside + "." : ".";
  message += " " + p.wording[input.lang].shareInstead;
  const special = !!(s && s.specialAboutPerson);
  const oso = labels.some((l) => OSO_LABELS.test(l.pattern));
  const entry = special ? "bijzondere-persoonsgegevens-zorg" : oso ? "oso-bijlagen" : "vuistregels-veilig-werken";
  const details: Finding["details"] = { signals, outsideSchool: outside };
  if (s) {
    details.namesWithGrades = s.namesWithGrades;
    details.namesWithAbsence = s.namesWithAbsence;
    details.bsns = s.bsns;
    details.studentNumbers = s.studentNumbers;
    details.birthDates = s.birthDates;
    details.specialTerms = s.specialTerms;
  }
  if (labels.length) details.nameMatches = labels.map((l) => l.label.en);
  return finding(p, input.lang, "student-file", outside || special || (s ? s.bsns > 0 : false) ? "high" : "warning", message, entry, details, scan.name);
}

const DOCUMENT = /\.(xlsx|xlsm|xls|csv|tsv|txt|docx|docm|doc|pptx|ppt|pdf|odt|ods)$/i;
const UNFINISHED: string[] = ["timeout", "too-large", "encrypted", "corrupt"];

/**
 * A document we could not finish reading, going outside the school, is worth a question at send
 * time ("not checked" is never "safe"); photos, archives and scans are mentioned in the task pane only.
 */
function unreadableSeverity(scan: AttachmentScan, outside: boolean): Severity {
  return outside && DOCUMENT.test(scan.name) && UNFINISHED.indexOf(scan.reason || "") >= 0 ? "warning" : "info";
}

/** The whole decision: pure, no Office dependency. The add-in, the task pane and the CLI all call this. */
export function assess(input: AssessInput): Assessment {
  const t = text[input.lang];
  const p = input.policy;
  const rec = assessRecipients(input.recipients, input.sender, p);
  const findings: Finding[] = [];
  if (rec.exposedTriggered) {
    findings.push(finding(p, input.lang, "exposed-recipients", "high", t.exposed(rec.exposed.length) + " " + t.exposedFix, "datalek", {
      visible: rec.counts.visible,
      school: rec.counts.school,
      private: rec.counts.private,
      external: rec.counts.external,
      partner: rec.counts.partner,
      exposed: rec.exposed.length,
    }));
  }
  if (rec.groups.length > 0) {
    // Members unknown (colleagues or parents): advice the user may override, not the soft block.
    findings.push(finding(p, input.lang, "contact-group", "warning", t.contactGroup(rec.groups.map((g) => g.displayName)), "datalek", {
      groups: rec.groups.length,
    }));
  }
  for (const scan of input.scans) {
    const f = studentFileFinding(scan, input, rec.anyOutsideSchool);
    if (f) findings.push(f);
    if (scan.status === "not-checked") {
      const why = t.reasons[scan.reason || "corrupt"] || scan.reason || "";
      findings.push(finding(p, input.lang, "unreadable-attachment", unreadableSeverity(scan, rec.anyOutsideSchool), t.unreadable(scan.name, why), "vuistregels-veilig-werken", { reason: scan.reason || "corrupt" }, scan.name));
    }
  }
  const services = findSharingServices(input.body, p);
  if (services.length) findings.push(finding(p, input.lang, "sharing-link", "warning", t.sharing(services), "big-tech", { services }));
  const order: Record<Severity, number> = { high: 0, warning: 1, info: 2 };
  findings.sort((a, b) => order[a.severity] - order[b.severity]);
  return { findings, recipients: rec };
}
