import { Budget, type UnreadableReason } from "./content/budget";
import { extract } from "./content/extract";
import { analyzeContent, isStudentData, type ContentSignals } from "./detectors/content";
import type { Policy } from "./policy";

/** The language-free result of checking one attachment; small enough to cache in item.sessionData. */
export interface AttachmentScan {
  name: string;
  size: number;
  /** Indexes into policy.studentFileNamePatterns that the file name matched. */
  namePatterns: number[];
  status: "checked" | "not-checked";
  reason?: UnreadableReason;
  signals?: ContentSignals;
  truncated?: boolean;
}

export function normalizeFileName(name: string): string {
  return name
    .replace(/\.[A-Za-z0-9]{1,8}$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[_\-.+()\[\]]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function matchNamePatterns(name: string, policy: Policy): number[] {
  const n = normalizeFileName(name);
  const out: number[] = [];
  policy.studentFileNamePatterns.forEach((p, i) => {
    if (new RegExp(p.pattern, "i").test(n)) out.push(i);
  });
  return out;
}

export interface AttachmentInput {
  name: string;
  size: number;
  /** File bytes, or null when the content could not be fetched (cloud attachment, API error). */
  content: Uint8Array | null;
}

/** Checks one attachment by name and content within the budget; never throws. */
export function scanAttachment(a: AttachmentInput, policy: Policy, budget: Budget): AttachmentScan {
  const namePatterns = matchNamePatterns(a.name, policy);
  if (!a.content) return { name: a.name, size: a.size, namePatterns, status: "not-checked", reason: "not-available" };
  if (budget.expired) return { name: a.name, size: a.size, namePatterns, status: "not-checked", reason: "timeout" };
  const r = extract(a.name, a.content, policy.attachments, budget);
  if (!r.ok) return { name: a.name, size: a.size, namePatterns, status: "not-checked", reason: r.reason };
  let signals: ContentSignals;
  try {
    signals = analyzeContent(r.content, policy);
  } catch {
    return { name: a.name, size: a.size, namePatterns, status: "not-checked", reason: "corrupt" };
  }
  if (r.content.truncated && !isStudentData(signals)) {
    // Only part of the file was read and that part looked clean: that is not "safe".
    return { name: a.name, size: a.size, namePatterns, status: "not-checked", reason: "too-large", signals, truncated: true };
  }
  return { name: a.name, size: a.size, namePatterns, status: "checked", signals, truncated: r.content.truncated };
}

export function newBudget(ms: number): Budget {
  return new Budget(ms);
}
