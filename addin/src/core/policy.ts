// The add-in's policy: one JSON document (knowledge/addin-policy.json) served by the bot host at
// /addin/policy.json. The same file is bundled as the built-in default, so a client that cannot
// fetch it still applies the school's last shipped rules instead of nothing.
import bundledPolicy from "../../../knowledge/addin-policy.json";

export type Lang = "nl" | "en";
export interface Localized { nl: string; en: string }

export interface NamePattern { pattern: string; label: Localized }
export interface DisallowedHost { host: string; name: string }

export interface Policy {
  version: number;
  schoolDomains: string[];
  trustedPartnerDomains: string[];
  privateDomains: string[];
  recipients: { maxVisibleExternal: number; maxVisibleTotal: number; minExternalForTotalRule: number };
  attachments: { maxScanBytes: number; maxExtractedChars: number; scanBudgetMs: number; minTableRows: number };
  studentFileNamePatterns: NamePattern[];
  specialCategoryTerms: string[];
  sharing: { allowedHosts: string[]; disallowedHosts: DisallowedHost[] };
  knowledge: { linkTemplate: string; botId: string; entries: Record<string, Localized> };
  wording: { nl: { shareInstead: string }; en: { shareInstead: string } };
}

export class PolicyError extends Error {}

/** The policy shipped with this build (a copy of knowledge/addin-policy.json). */
/**
 * A short fingerprint of the policy's rules (FNV-1a over its JSON). Attachment scans cached in the
 * draft are keyed by it: a scan holds positions in the policy's name patterns and signals found with
 * its word lists, so a scan made under an earlier policy must not be reused under a newer one.
 */
export function policyFingerprint(p: Policy): string {
  const json = JSON.stringify(p);
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ("0000000" + h.toString(16)).slice(-8);
}

export function defaultPolicy(): Policy {
  return parsePolicy(bundledPolicy);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function need(cond: boolean, path: string, what: string): void {
  if (!cond) throw new PolicyError(`policy: ${path} ${what}`);
}

function strings(v: unknown, path: string): string[] {
  need(Array.isArray(v), path, "must be an array of strings");
  (v as unknown[]).forEach((s, i) => need(typeof s === "string" && s.trim().length > 0, `${path}[${i}]`, "must be a non-empty string"));
  return v as string[];
}

function positive(v: unknown, path: string): number {
  need(typeof v === "number" && isFinite(v) && v > 0, path, "must be a positive number");
  return v as number;
}

function localized(v: unknown, path: string): Localized {
  need(isObj(v), path, "must be an object with nl and en");
  const o = v as Record<string, unknown>;
  need(typeof o.nl === "string" && o.nl.length > 0, `${path}.nl`, "must be a non-empty string");
  need(typeof o.en === "string" && o.en.length > 0, `${path}.en`, "must be a non-empty string");
  return { nl: o.nl as string, en: o.en as string };
}

const domainRe = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

function domains(v: unknown, path: string): string[] {
  return strings(v, path).map((d, i) => {
    const lower = d.trim().toLowerCase();
    need(domainRe.test(lower), `${path}[${i}]`, `is not a domain name ("${d}")`);
    return lower;
  });
}

/**
 * Validates a policy document and returns it typed. Throws PolicyError naming the first problem.
 * knowledge/addin-policy.schema.json describes the same rules for editors and the bot host.
 */
export function parsePolicy(raw: unknown): Policy {
  need(isObj(raw), "(root)", "must be a JSON object");
  const r = raw as Record<string, unknown>;
  need(r.version === 1, "version", "must be 1");
  const rec = r.recipients as Record<string, unknown>;
  need(isObj(rec), "recipients", "must be an object");
  const att = r.attachments as Record<string, unknown>;
  need(isObj(att), "attachments", "must be an object");
  need(Array.isArray(r.studentFileNamePatterns), "studentFileNamePatterns", "must be an array");
  const patterns = (r.studentFileNamePatterns as unknown[]).map((p, i) => {
    const path = `studentFileNamePatterns[${i}]`;
    need(isObj(p), path, "must be an object");
    const o = p as Record<string, unknown>;
    need(typeof o.pattern === "string" && o.pattern.length > 0, `${path}.pattern`, "must be a non-empty string");
    try { new RegExp(o.pattern as string, "i"); } catch { need(false, `${path}.pattern`, "is not a valid regular expression"); }
    return { pattern: o.pattern as string, label: localized(o.label, `${path}.label`) };
  });
  const sharing = r.sharing as Record<string, unknown>;
  need(isObj(sharing), "sharing", "must be an object");
  need(Array.isArray(sharing.disallowedHosts), "sharing.disallowedHosts", "must be an array");
  const disallowed = (sharing.disallowedHosts as unknown[]).map((h, i) => {
    const path = `sharing.disallowedHosts[${i}]`;
    need(isObj(h), path, "must be an object");
    const o = h as Record<string, unknown>;
    need(typeof o.host === "string" && domainRe.test(o.host.toLowerCase()), `${path}.host`, "must be a host name");
    need(typeof o.name === "string" && o.name.length > 0, `${path}.name`, "must be a non-empty string");
    return { host: (o.host as string).toLowerCase(), name: o.name as string };
  });
  const kn = r.knowledge as Record<string, unknown>;
  need(isObj(kn), "knowledge", "must be an object");
  need(typeof kn.linkTemplate === "string" && /^https:\/\//.test(kn.linkTemplate), "knowledge.linkTemplate", "must be an https URL template");
  need(typeof kn.botId === "string", "knowledge.botId", "must be a string (may be empty)");
  need(isObj(kn.entries), "knowledge.entries", "must be an object");
  const entries: Record<string, Localized> = {};
  const rawEntries = kn.entries as Record<string, unknown>;
  for (const id of Object.keys(rawEntries)) {
    const v = rawEntries[id];
    need(/^[a-z0-9-]+$/.test(id), `knowledge.entries.${id}`, "must be a knowledge entry id (a-z, 0-9, -)");
    entries[id] = localized(v, `knowledge.entries.${id}`);
  }
  for (const id of REQUIRED_ENTRIES) need(id in entries, `knowledge.entries.${id}`, "is missing");
  const w = r.wording as Record<string, unknown>;
  need(isObj(w), "wording", "must be an object");
  const wording = { nl: { shareInstead: "" }, en: { shareInstead: "" } };
  for (const lang of ["nl", "en"] as const) {
    const lw = w[lang] as Record<string, unknown>;
    need(isObj(lw) && typeof lw.shareInstead === "string" && lw.shareInstead.length > 0, `wording.${lang}.shareInstead`, "must be a non-empty string");
    wording[lang].shareInstead = lw.shareInstead as string;
  }
  return {
    version: 1,
    schoolDomains: domains(r.schoolDomains, "schoolDomains"),
    trustedPartnerDomains: domains(r.trustedPartnerDomains ?? [], "trustedPartnerDomains"),
    privateDomains: domains(r.privateDomains, "privateDomains"),
    recipients: {
      maxVisibleExternal: positive(rec.maxVisibleExternal, "recipients.maxVisibleExternal"),
      maxVisibleTotal: positive(rec.maxVisibleTotal, "recipients.maxVisibleTotal"),
      minExternalForTotalRule: positive(rec.minExternalForTotalRule, "recipients.minExternalForTotalRule"),
    },
    attachments: {
      maxScanBytes: positive(att.maxScanBytes, "attachments.maxScanBytes"),
      maxExtractedChars: positive(att.maxExtractedChars, "attachments.maxExtractedChars"),
      scanBudgetMs: positive(att.scanBudgetMs, "attachments.scanBudgetMs"),
      minTableRows: positive(att.minTableRows, "attachments.minTableRows"),
    },
    studentFileNamePatterns: patterns,
    specialCategoryTerms: strings(r.specialCategoryTerms, "specialCategoryTerms"),
    sharing: { allowedHosts: domains(sharing.allowedHosts, "sharing.allowedHosts"), disallowedHosts: disallowed },
    knowledge: { linkTemplate: kn.linkTemplate as string, botId: kn.botId as string, entries },
    wording,
  };
}

/** Knowledge entries the add-in's findings link to; the policy must name a question for each. */
export const REQUIRED_ENTRIES = ["vuistregels-veilig-werken", "datalek", "oso-bijlagen", "bijzondere-persoonsgegevens-zorg", "big-tech"];
