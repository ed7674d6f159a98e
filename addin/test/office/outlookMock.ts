// A mock Outlook compose item for handler tests, built on office-addin-mock (host "outlook").
// It implements the callback APIs the add-in uses and records every call, so tests can assert
// the exact fields the fix changed and the 100-recipients-per-call limit.
import { OfficeMockObject } from "office-addin-mock";
import type { Recipient } from "../../src/core/types";

export interface MockAttachment { id: string; name: string; size: number; attachmentType?: string; isInline?: boolean; bytes?: Uint8Array }

export interface MockState {
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  attachments: MockAttachment[];
  body: string;
  session: Record<string, string>;
  roaming: Record<string, unknown>;
  calls: { op: string; field?: string; count?: number }[];
  /** Makes this operation fail with an error (e.g. "to.getAsync", "bcc.setAsync"). */
  failOn: Set<string>;
  /** Never calls back for this operation (a hanging client). */
  hangOn: Set<string>;
  /** Calls back after this many ms (with fake timers: when the test advances the clock). */
  delayMs: number;
  notifications: string[];
  supported: string[];
  displayLanguage: string;
}

export function newState(over: Partial<MockState> = {}): MockState {
  return {
    to: [], cc: [], bcc: [], attachments: [], body: "", session: {}, roaming: {}, calls: [], failOn: new Set(), hangOn: new Set(),
    delayMs: 0, notifications: [], supported: ["1.1", "1.8", "1.11", "1.12", "1.13", "1.14", "1.15"], displayLanguage: "nl-NL", ...over,
  };
}

type Cb = (r: { status: string; value?: unknown; error?: { message: string } }) => void;

export function mockOffice(state: MockState): unknown {
  const respond = (op: string, cb: Cb, value?: unknown) => {
    state.calls.push({ op });
    if (state.hangOn.has(op)) return;
    const r = state.failOn.has(op) ? { status: "failed", error: { message: op + " failed" } } : { status: "succeeded", value };
    if (state.delayMs > 0) setTimeout(() => cb(r), state.delayMs);
    else cb(r);
  };
  const noAddress = (x: Recipient) => !x.emailAddress || x.emailAddress.indexOf("@") < 0;
  const respondInvalid = (op: string, cb: Cb) => {
    state.calls.push({ op });
    cb({ status: "failed", error: { message: "The format of the specified data object is invalid." } });
  };
  const field = (name: "to" | "cc" | "bcc") => ({
    getAsync: (cb: Cb) => respond(`${name}.getAsync`, cb, state[name].map((x) => ({ recipientType: "other", ...x }))),
    setAsync: (list: Recipient[], cb: Cb) => {
      if (list.length > 100) throw new Error("more than 100 recipients in one call");
      state.calls.push({ op: "write", field: name, count: list.length });
      // Outlook cannot write a contact group back: the call fails (office-js issue 4661, code 5010).
      if (list.some(noAddress)) return respondInvalid(`${name}.setAsync`, cb);
      if (!state.failOn.has(`${name}.setAsync`)) state[name] = list.map((x) => ({ displayName: x.displayName, emailAddress: x.emailAddress }));
      respond(`${name}.setAsync`, cb);
    },
    addAsync: (list: Recipient[], cb: Cb) => {
      if (list.length > 100) throw new Error("more than 100 recipients in one call");
      state.calls.push({ op: "write", field: name, count: list.length });
      if (list.some(noAddress)) return respondInvalid(`${name}.addAsync`, cb);
      if (!state.failOn.has(`${name}.addAsync`)) state[name] = state[name].concat(list.map((x) => ({ displayName: x.displayName, emailAddress: x.emailAddress })));
      respond(`${name}.addAsync`, cb);
    },
  });
  const seed = {
    host: "outlook", // office-addin-mock: Outlook objects need no load()/sync()
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      displayLanguage: state.displayLanguage,
      requirements: { isSetSupported: (name: string, v: string) => name === "Mailbox" && state.supported.indexOf(v) >= 0 },
      roamingSettings: {
        get: (k: string) => state.roaming[k],
        set: (k: string, v: unknown) => { state.roaming[k] = v; },
        saveAsync: (cb: Cb) => cb({ status: "succeeded" }),
      },
      mailbox: {
        userProfile: { displayName: "Docent", emailAddress: "docent@school.example" },
        item: {
          to: field("to"),
          cc: field("cc"),
          bcc: field("bcc"),
          body: { getAsync: (_type: string, cb: Cb) => respond("body.getAsync", cb, state.body) },
          getAttachmentsAsync: (cb: Cb) =>
            respond("getAttachmentsAsync", cb, state.attachments.map((a) => ({ id: a.id, name: a.name, size: a.size, attachmentType: a.attachmentType || "file", isInline: !!a.isInline }))),
          getAttachmentContentAsync: (id: string, cb: Cb) => {
            const a = state.attachments.find((x) => x.id === id);
            respond("getAttachmentContentAsync", cb, a && a.bytes ? { format: "base64", content: Buffer.from(a.bytes).toString("base64") } : { format: "url", content: "https://contoso.sharepoint.com/x" });
          },
          sessionData: {
            getAsync: (key: string, cb: Cb) => {
              if (key in state.session) respond("sessionData.getAsync", cb, state.session[key]);
              else { state.calls.push({ op: "sessionData.getAsync" }); cb({ status: "failed", error: { message: "not found" } }); }
            },
            setAsync: (key: string, value: string, cb: Cb) => { state.session[key] = value; respond("sessionData.setAsync", cb); },
          },
          notificationMessages: {
            replaceAsync: (_k: string, m: { message: string }, cb: Cb) => { state.notifications.push(m.message); respond("notify", cb); },
          },
        },
      },
    },
  };
  return new OfficeMockObject(seed);
}

export function count(state: MockState, op: string): number {
  return state.calls.filter((c) => c.op === op).length;
}
