// The event bundle as classic Outlook's JavaScript-only runtime would run it: one file, no DOM, no
// localStorage, no Office.onReady, and (before build 2403) only ES2016 built-ins.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { parse } from "acorn";
import { cijfers3B } from "../fixtures/school";

const dist = join(__dirname, "..", "..", "dist");
const bundle = readFileSync(join(dist, "launchevent.js"), "utf8");

function es2016Sandbox(office: unknown) {
  const sandbox: Record<string, unknown> = { Office: office, setTimeout, clearTimeout, console: { log() {}, error() {} } };
  const ctx = vm.createContext(sandbox);
  // Remove built-ins newer than ES2016 so any use fails loudly.
  vm.runInContext(
    `delete Object.entries; delete Object.values; delete Object.fromEntries; delete Object.getOwnPropertyDescriptors;
     delete String.prototype.padStart; delete String.prototype.padEnd; delete String.prototype.matchAll;
     delete String.prototype.trimStart; delete String.prototype.trimEnd; delete String.prototype.replaceAll;
     delete Array.prototype.flat; delete Array.prototype.flatMap; delete Array.prototype.at; delete Promise.prototype.finally;
     delete Promise.allSettled; delete Promise.any; delete globalThis.TextDecoder; delete globalThis.TextEncoder; delete globalThis.atob; delete globalThis.btoa;
     delete globalThis.queueMicrotask; delete globalThis.structuredClone; delete globalThis.BigInt;`,
    ctx,
  );
  return ctx;
}

function fakeOffice(toCount: number, attachment?: Uint8Array) {
  const associated: Record<string, (e: unknown) => void> = {};
  const ok = (cb: (r: unknown) => void, value?: unknown) => cb({ status: "succeeded", value });
  const to = Array.from({ length: toCount }, (_, i) => ({ displayName: "Ouder " + i, emailAddress: `ouder${i}@gmail.com` }));
  const field = (list: unknown[]) => ({ getAsync: (cb: (r: unknown) => void) => ok(cb, list) });
  const session: Record<string, string> = {};
  const office = {
    actions: { associate: (name: string, fn: (e: unknown) => void) => { associated[name] = fn; } },
    context: {
      displayLanguage: "nl-NL",
      requirements: { isSetSupported: (_n: string, v: string) => ["1.12", "1.13", "1.14", "1.15"].indexOf(v) >= 0 },
      roamingSettings: { get: () => undefined, set: () => undefined, saveAsync: () => undefined },
      mailbox: {
        userProfile: { emailAddress: "docent@school.example", displayName: "Docent" },
        item: {
          to: field(to), cc: field([]), bcc: field([]),
          body: { getAsync: (_t: string, cb: (r: unknown) => void) => ok(cb, "<p>Beste ouders</p>") },
          getAttachmentsAsync: (cb: (r: unknown) => void) => ok(cb, attachment ? [{ id: "a1", name: "3B cijfers.xlsx", size: attachment.length, attachmentType: "file", isInline: false }] : []),
          getAttachmentContentAsync: (_id: string, cb: (r: unknown) => void) => ok(cb, { format: "base64", content: Buffer.from(attachment!).toString("base64") }),
          sessionData: {
            getAsync: (k: string, cb: (r: unknown) => void) => (k in session ? ok(cb, session[k]) : cb({ status: "failed", error: { message: "missing" } })),
            setAsync: (k: string, v: string, cb: (r: unknown) => void) => { session[k] = v; ok(cb); },
          },
        },
      },
    },
  };
  return { office, associated };
}

function runHandler(associated: Record<string, (e: unknown) => void>, name: string): Promise<unknown[]> {
  return new Promise((resolve) => {
    const calls: unknown[] = [];
    associated[name]({ completed: (o?: unknown) => { calls.push(o); setTimeout(() => resolve(calls), 50); } });
  });
}

describe("event bundle (dist/launchevent.js)", () => {
  it("fetches the policy from the URL the host writes in place of the marker (no page location)", async () => {
    expect(bundle.split("%%PA_POLICY_URL%%").length - 1).toBe(1);
    const served = bundle.replace("%%PA_POLICY_URL%%", "https://privacy.school.example/addin/policy.json");
    const { office, associated } = fakeOffice(0);
    const urls: string[] = [];
    const ctx = es2016Sandbox(office);
    ctx.fetch = (url: string) => { urls.push(url); return Promise.reject(new Error("offline")); };
    vm.runInContext(served, ctx);
    const calls = await runHandler(associated, "onRecipientsChangedHandler");
    expect(calls).toEqual([undefined]);
    expect(urls).toEqual(["https://privacy.school.example/addin/policy.json"]);
  });

  it("does not fetch anything while the marker is still in place", async () => {
    const { office, associated } = fakeOffice(0);
    const urls: string[] = [];
    const ctx = es2016Sandbox(office);
    ctx.fetch = (url: string) => { urls.push(url); return Promise.reject(new Error("offline")); };
    vm.runInContext(bundle, ctx);
    await runHandler(associated, "onRecipientsChangedHandler");
    expect(urls).toEqual([]);
  });

  it("is ES2016 syntax: no async/await, no object spread, no optional chaining", () => {
    expect(() => parse(bundle, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  it("uses no DOM and no localStorage", () => {
    expect(bundle).not.toMatch(/(?<![\w/])(document|window|navigator)\.|\blocalStorage\b|\bsessionStorage\b/);
  });

  it("associates every action id of the manifests without Office.onReady", () => {
    const { office, associated } = fakeOffice(0);
    vm.runInContext(bundle, es2016Sandbox(office));
    expect(Object.keys(associated).sort()).toEqual(["moveToBcc", "onAttachmentsChangedHandler", "onMessageSendHandler", "onRecipientsChangedHandler"]);
  });

  it("runs the send handler without ES2017+ built-ins, with attachment content", async () => {
    const { office, associated } = fakeOffice(27, cijfers3B());
    vm.runInContext(bundle, es2016Sandbox(office));
    const calls = (await runHandler(associated, "onMessageSendHandler")) as { allowEvent: boolean; errorMessage: string; commandId: string }[];
    expect(calls).toHaveLength(1);
    expect(calls[0].allowEvent).toBe(false);
    expect(calls[0].commandId).toBe("moveToBccButton");
    expect(calls[0].errorMessage).toContain("27 adressen van buiten school");
    expect(calls[0].errorMessage).toContain("27 leerlingnamen met cijfers");
  });
});
