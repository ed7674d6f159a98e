// The Office glue: event handlers that read the draft, call the pure assessment and report back.
// Every handler ends in exactly one event.completed(...) on every path. For OnMessageSend the rule
// is "fail open": an error or our own time budget running out lets the mail go.
import { decideSend, type AlertCapabilities, type SendDecision } from "../core/alert";
import { assess, type Assessment } from "../core/assess";
import { scanAttachment, type AttachmentScan } from "../core/attachments";
import { chunks, planMoveToBcc, type BccPlan } from "../core/bccFix";
import { Budget } from "../core/content/budget";
import { base64ToBytes } from "../core/content/bytes";
import { isImageName } from "../core/content/extract";
import { languageOf, text } from "../core/messages";
import { policyFingerprint, type Lang, type Policy } from "../core/policy";
import type { Recipient } from "../core/types";
import {
  addToField, getAttachmentBase64, getAttachments, getBody, getRecipients, notify, sessionGet, sessionSet, setField,
  type AttachmentInfo,
} from "./mailbox";
import { currentPolicy, refreshPolicy } from "./policySource";

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface CompletableEvent { completed: (options?: any) => void }

/** Total time the send handler allows itself: well under the 5-second "taking longer" dialog. */
export const SEND_BUDGET_MS = 3500;
/** Time for scanning attachments the change handlers did not pre-compute, within SEND_BUDGET_MS. */
export const SEND_SCAN_BUDGET_MS = 2000;
const ACK_KEY = "paAck";

function office(): any {
  return typeof Office !== "undefined" ? Office : null;
}

function item(): any {
  const o = office();
  return o && o.context && o.context.mailbox ? o.context.mailbox.item : null;
}

export function capabilities(): AlertCapabilities {
  const o = office();
  const req = o && o.context && o.context.requirements;
  const has = (v: string) => {
    try { return !!(req && typeof req.isSetSupported === "function" && req.isSetSupported("Mailbox", v)); } catch { return false; }
  };
  return { mailbox114: has("1.14"), mailbox115: has("1.15") };
}

export function displayLanguage(): Lang {
  const o = office();
  return languageOf(o && o.context ? o.context.displayLanguage : "nl");
}

function sender(): Recipient | null {
  const o = office();
  const p = o && o.context && o.context.mailbox ? o.context.mailbox.userProfile : null;
  return p && p.emailAddress ? { displayName: String(p.displayName || ""), emailAddress: String(p.emailAddress) } : null;
}

/** Wraps event.completed so it runs once; later calls (a late timer, a late result) are ignored. */
export function once(event: CompletableEvent): (options?: any) => boolean {
  let done = false;
  return (options?: any) => {
    if (done) return false;
    done = true;
    try {
      if (options === undefined) event.completed();
      else event.completed(options);
    } catch {
      // Nothing more we can do; the client applies its own timeout.
    }
    return true;
  };
}

/**
 * once(event) with a deadline: completes with `onTimeout` after `ms` unless the returned finish came
 * first; finish stops the timer. Every handler has one, so a hanging Outlook call never leaves it open.
 */
function completeWithin(event: CompletableEvent, ms: number, onTimeout?: any): (options?: any) => void {
  const complete = once(event);
  let timer: any = null;
  try {
    if (typeof setTimeout === "function") timer = setTimeout(() => complete(onTimeout), ms);
  } catch {
    timer = null; // No timers in this runtime: the client applies its own timeout.
  }
  return (options?: any) => {
    if (timer !== null) clearTimeout(timer);
    complete(options);
  };
}

function scanKey(policyKey: string, a: AttachmentInfo): string {
  return "scan:" + policyKey + ":" + a.id + ":" + a.size;
}

async function cachedScan(it: any, key: string): Promise<AttachmentScan | null> {
  const raw = await sessionGet(it, key);
  if (!raw) return null;
  try { return JSON.parse(raw) as AttachmentScan; } catch { return null; }
}

// Object.assign, not object spread: esbuild lowers spread with Object.getOwnPropertyDescriptors (ES2017).
function withReason(scan: AttachmentScan, reason: "timeout" | "too-large"): AttachmentScan {
  return Object.assign({}, scan, { status: "not-checked" as const, reason });
}

/** Scans the file attachments, reusing results stored by the change handlers. */
async function scanAll(it: any, policy: Policy, budget: Budget, store: boolean): Promise<AttachmentScan[]> {
  // Inline images are part of the body; cloud attachments are OneDrive/SharePoint links, which is
  // the way of sharing the school recommends, so neither is checked or reported. "Inline" alone
  // says nothing about the file: classic Outlook places every attachment of an RTF draft in the
  // body, so an inline spreadsheet or PDF is still checked.
  const list = (await getAttachments(it)).filter((a) => !(a.isInline && isImageName(a.name)) && a.attachmentType !== "cloud");
  const scans: AttachmentScan[] = [];
  const policyKey = policyFingerprint(policy);
  for (const a of list) {
    const key = scanKey(policyKey, a);
    const cached = await cachedScan(it, key);
    if (cached && cached.name === a.name) { scans.push(cached); continue; }
    let scan: AttachmentScan;
    if (budget.expired) {
      scan = withReason(scanAttachment({ name: a.name, size: a.size, content: null }, policy, budget), "timeout");
    } else if (a.attachmentType !== "file") {
      scan = scanAttachment({ name: a.name, size: a.size, content: null }, policy, budget);
    } else if (a.size > policy.attachments.maxScanBytes) {
      scan = withReason(scanAttachment({ name: a.name, size: a.size, content: null }, policy, budget), "too-large");
    } else {
      let bytes: Uint8Array | null = null;
      try {
        const b64 = await getAttachmentBase64(it, a.id);
        bytes = b64 ? base64ToBytes(b64) : null;
      } catch {
        bytes = null;
      }
      scan = scanAttachment({ name: a.name, size: a.size, content: bytes }, policy, budget);
    }
    scans.push(scan);
    // Timeouts are not cached: a later, calmer moment may finish the scan.
    if (store && scan.reason !== "timeout") {
      try { await sessionSet(it, key, JSON.stringify(scan)); } catch { /* sessionData full: fine */ }
    }
  }
  return scans;
}

/** Reads the draft and runs the assessment (used by the send handler and the task pane). */
export async function assessDraft(policy: Policy, lang: Lang, scanBudgetMs: number, store: boolean): Promise<Assessment> {
  const it = item();
  const recipients = await getRecipients(it);
  const scans = await scanAll(it, policy, new Budget(scanBudgetMs), store);
  let body = "";
  try { body = (await getBody(it)).slice(0, 500000); } catch { body = ""; }
  const me = sender();
  return assess({ recipients, sender: me ? me.emailAddress : "", body, scans, policy, lang });
}

function fingerprint(a: Assessment): string {
  return a.findings.filter((f) => f.severity !== "info").map((f) => f.kind + ":" + (f.attachmentName || "")).join("|");
}

/** OnMessageSend / messageSending. */
export function onMessageSendHandler(event: CompletableEvent): void {
  const finish: (options: SendDecision) => void = completeWithin(event, SEND_BUDGET_MS, { allowEvent: true });
  try {
    const it = item();
    if (!it) { finish({ allowEvent: true }); return; }
    const policy = currentPolicy(office()).policy;
    const lang = displayLanguage();
    const caps = capabilities();
    assessDraft(policy, lang, Math.min(SEND_SCAN_BUDGET_MS, policy.attachments.scanBudgetMs), false)
      .then(async (a) => {
        const fp = fingerprint(a);
        const previous = await sessionGet(it, ACK_KEY);
        const decision = decideSend(a, caps, lang, previous === fp && fp !== "");
        if (!decision.allowEvent && !caps.mailbox114) {
          try { await sessionSet(it, ACK_KEY, fp); } catch { /* ignore */ }
        }
        finish(decision);
      })
      .catch(() => finish({ allowEvent: true }));
  } catch {
    finish({ allowEvent: true });
  }
}

/** OnMessageRecipientsChanged / OnMessageAttachmentsChanged: refresh the policy and pre-scan attachments. */
export function onItemChangedHandler(event: CompletableEvent): void {
  // Change handlers have no user waiting, but the client still expects completion.
  const finish = completeWithin(event, 60000);
  try {
    const it = item();
    if (!it) { finish(); return; }
    refreshPolicy(office(), 3000)
      .then((policy) => scanAll(it, policy, new Budget(Math.max(policy.attachments.scanBudgetMs, 10000)), true))
      .then(() => finish(), () => finish());
  } catch {
    finish();
  }
}

/**
 * Applies a plan: Bcc first (so nobody is lost if a later call fails), then the To/Cc fields the plan
 * changed. Bcc is only added to, never rewritten, so whatever is there already (a contact group
 * included) stays.
 */
export async function applyBccPlan(it: any, plan: BccPlan): Promise<void> {
  for (const part of chunks(plan.addToBcc)) await addToField(it, "bcc", part);
  for (const name of ["to", "cc"] as const) {
    if (!plan.changed[name]) continue;
    const parts = chunks(plan[name]);
    await setField(it, name, parts[0] || []);
    for (let i = 1; i < parts.length; i++) await addToField(it, name, parts[i]);
  }
}

export interface BccMoveResult {
  moved: number;
  /** Names of contact groups still in To/Cc, which the user has to move by hand. */
  groupsLeft: string[];
}

/** Moves the exposed recipients to Bcc. */
export async function moveExposedToBcc(policy: Policy): Promise<BccMoveResult> {
  const it = item();
  const recipients = await getRecipients(it);
  const plan = planMoveToBcc(recipients, sender(), policy);
  if (plan.moved > 0) await applyBccPlan(it, plan);
  return { moved: plan.moved, groupsLeft: plan.groupsLeft.map((g) => g.displayName) };
}

/**
 * How long the "Naar BCC" command waits for Outlook before it completes anyway: a hanging client call
 * must not leave the command spinning. Bcc is written first, so stopping part-way loses nobody.
 */
export const COMMAND_BUDGET_MS = 15000;

/** Function command behind the "Naar BCC" button (ribbon and Smart Alert, Mailbox 1.15). */
export function moveToBccCommand(event: CompletableEvent): void {
  const finish = completeWithin(event, COMMAND_BUDGET_MS);
  try {
    const lang = displayLanguage();
    moveExposedToBcc(currentPolicy(office()).policy)
      .then(async (r) => {
        const t = text[lang];
        const msg = t.moved(r.moved) + (r.groupsLeft.length > 0 ? " " + t.groupsLeft(r.groupsLeft) : "");
        try { await notify(item(), "paMoved", msg); } catch { /* informational only */ }
        finish();
      })
      .catch(() => finish());
  } catch {
    finish();
  }
}
