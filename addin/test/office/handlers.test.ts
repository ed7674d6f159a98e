import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultPolicy, policyFingerprint } from "../../src/core/policy";
import type { Recipient } from "../../src/core/types";
import { COMMAND_BUDGET_MS, moveToBccCommand, onItemChangedHandler, onMessageSendHandler, SEND_BUDGET_MS } from "../../src/office/handlers";
import { cijfers3B } from "../fixtures/school";
import { count, mockOffice, newState, type MockState } from "./outlookMock";

const g = globalThis as unknown as { Office?: unknown; fetch?: unknown };
const parents = (n: number): Recipient[] => Array.from({ length: n }, (_, i) => ({ displayName: `Ouder ${i}`, emailAddress: `ouder${i}@${i % 2 ? "gmail.com" : "ziggo.nl"}` }));
const colleague = (i: number): Recipient => ({ displayName: `Collega ${i}`, emailAddress: `collega${i}@school.example` });

function event() {
  return { completed: vi.fn() };
}

async function settle(ev: ReturnType<typeof event>) {
  await vi.waitFor(() => expect(ev.completed).toHaveBeenCalled(), { timeout: 5000 });
  await new Promise((r) => setTimeout(r, 20)); // a second call would show up here
}

let state: MockState;
function install(over: Partial<MockState> = {}) {
  state = newState(over);
  g.Office = mockOffice(state);
}

afterEach(() => {
  delete g.Office;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("onMessageSendHandler", () => {
  it("lets a clean mail go, completing once", async () => {
    install({ to: [colleague(1)], body: "<p>Hoi</p>" });
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(ev.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it("stops a mail to all parents in To and offers the Bcc fix", async () => {
    install({ to: parents(27) });
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    const opts = ev.completed.mock.calls[0][0];
    expect(opts).toMatchObject({ allowEvent: false, commandId: "moveToBccButton", cancelLabel: "Naar BCC" });
    expect(opts.errorMessage).toContain("27 adressen van buiten school");
  });

  it("explains the manual fix on clients before Mailbox 1.14, in English when Outlook is English", async () => {
    install({ to: parents(27), supported: ["1.1", "1.8", "1.11", "1.12"], displayLanguage: "en-GB" });
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    const opts = ev.completed.mock.calls[0][0];
    expect(opts.commandId).toBeUndefined();
    expect(opts.errorMessage).toContain("Cut the outside addresses from To/Cc");
  });

  it("reads attachment content and lets the user send a grade list anyway", async () => {
    const bytes = cijfers3B();
    install({ to: [colleague(1)], attachments: [{ id: "att1", name: "3B cijfers.xlsx", size: bytes.length, bytes }] });
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(ev.completed.mock.calls[0][0]).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", commandId: "privacyCheckButton" });
    expect(ev.completed.mock.calls[0][0].errorMessage).toContain("27 leerlingnamen met cijfers");
  });

  it("does not report shared OneDrive links (cloud attachments) or inline images", async () => {
    install({ to: [colleague(1)], attachments: [{ id: "c1", name: "3B cijfers.xlsx", size: 1000, attachmentType: "cloud" }, { id: "i1", name: "logo.png", size: 500, isInline: true }, { id: "m1", name: "Doorgestuurd bericht", size: 2000, attachmentType: "item" }] });
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledWith({ allowEvent: true });
    expect(count(state, "getAttachmentContentAsync")).toBe(0);
  });

  it("checks a document the client marks inline (attachments placed in an RTF body), still skipping inline images", async () => {
    const bytes = cijfers3B();
    install({ to: [colleague(1)], attachments: [{ id: "att1", name: "3B cijfers.xlsx", size: bytes.length, bytes, isInline: true }, { id: "i1", name: "image001.png", size: 500, isInline: true }] });
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(ev.completed.mock.calls[0][0]).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(ev.completed.mock.calls[0][0].errorMessage).toContain("27 leerlingnamen met cijfers");
    expect(count(state, "getAttachmentContentAsync")).toBe(1);
  });

  it("lets the mail go when the client reports a failure", async () => {
    install({ to: parents(27), failOn: new Set(["to.getAsync"]) });
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(ev.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it("lets the mail go when the API throws", async () => {
    install({ to: parents(27) });
    (g.Office as { context: { mailbox: { item: { to: unknown } } } }).context.mailbox.item.to = { getAsync: () => { throw new Error("boom"); } };
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledWith({ allowEvent: true });
    expect(ev.completed).toHaveBeenCalledTimes(1);
  });

  it("lets the mail go when there is no item at all", async () => {
    install();
    (g.Office as { context: { mailbox: { item: unknown } } }).context.mailbox.item = null;
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it("lets the mail go when the client hangs, within its own budget", async () => {
    vi.useFakeTimers();
    install({ to: parents(27), hangOn: new Set(["cc.getAsync"]) });
    const ev = event();
    onMessageSendHandler(ev);
    await vi.advanceTimersByTimeAsync(SEND_BUDGET_MS - 1);
    expect(ev.completed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(ev.completed).toHaveBeenCalledWith({ allowEvent: true });
    expect(SEND_BUDGET_MS).toBeLessThan(5000);
  });

  it("ignores a result that arrives after the budget ran out", async () => {
    vi.useFakeTimers();
    install({ to: parents(27), delayMs: 1000 }); // 3 recipient reads alone take 3 s, then more
    const ev = event();
    onMessageSendHandler(ev);
    await vi.advanceTimersByTimeAsync(20000);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(ev.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it("uses the scans the change handler stored instead of reading the attachment again", async () => {
    const bytes = cijfers3B();
    install({ to: [colleague(1)], attachments: [{ id: "att1", name: "3B cijfers.xlsx", size: bytes.length, bytes }] });
    const changed = event();
    onItemChangedHandler(changed);
    await settle(changed);
    expect(changed.completed).toHaveBeenCalledTimes(1);
    expect(Object.keys(state.session)).toEqual(["scan:" + policyFingerprint(defaultPolicy()) + ":att1:" + bytes.length]);
    expect(count(state, "getAttachmentContentAsync")).toBe(1);
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(count(state, "getAttachmentContentAsync")).toBe(1);
    expect(ev.completed.mock.calls[0][0].errorMessage).toContain("27 leerlingnamen met cijfers");
  });

  it("scans again when the policy changed after the change handler's scan", async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]); // unreadable: only the name tells what it is
    install({ to: [colleague(1)], attachments: [{ id: "att1", name: "OPP Jan de Vries.pdf", size: bytes.length, bytes }] });
    const changed = event();
    onItemChangedHandler(changed);
    await settle(changed);
    // The school's officer reorders the name patterns; the stored scan holds positions in the old list.
    const p = JSON.parse(JSON.stringify(defaultPolicy()));
    p.studentFileNamePatterns.reverse();
    state.roaming.paPolicy = JSON.stringify({ fetchedAt: Date.now(), policy: p });
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(count(state, "getAttachmentContentAsync")).toBe(2);
    const opp = defaultPolicy().studentFileNamePatterns.find((x) => new RegExp(x.pattern, "i").test("OPP Jan de Vries.pdf"))!;
    expect(ev.completed.mock.calls[0][0].errorMessage).toContain(opp.label.nl);
  });

  it("passes a repeated Send on old clients once the user has seen the advice", async () => {
    const bytes = cijfers3B();
    install({ to: [colleague(1)], supported: ["1.1", "1.8", "1.11", "1.12"], attachments: [{ id: "att1", name: "3B cijfers.xlsx", size: bytes.length, bytes }] });
    const first = event();
    onMessageSendHandler(first);
    await settle(first);
    expect(first.completed.mock.calls[0][0].allowEvent).toBe(false);
    const second = event();
    onMessageSendHandler(second);
    await settle(second);
    expect(second.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it("applies the cached policy from roamingSettings", async () => {
    const p = JSON.parse(JSON.stringify(defaultPolicy()));
    p.schoolDomains = ["gmail.com", "ziggo.nl"]; // nonsense on purpose: these parents now count as colleagues
    install({ to: parents(27), roaming: { paPolicy: JSON.stringify({ fetchedAt: Date.now(), policy: p }) } });
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledWith({ allowEvent: true });
  });
});

describe("onItemChangedHandler", () => {
  beforeEach(() => install({ to: [colleague(1)] }));

  it("fetches and caches the policy, completing once", async () => {
    const p = { ...JSON.parse(JSON.stringify(defaultPolicy())), schoolDomains: ["csw.example"] };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(p), { status: 200 }));
    vi.stubGlobal("location", { protocol: "https:", host: "privacy.school.example", pathname: "/addin/commands.html" });
    vi.stubGlobal("fetch", fetchMock);
    const ev = event();
    onItemChangedHandler(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith("https://privacy.school.example/addin/policy.json", expect.anything());
    expect(JSON.parse(state.roaming.paPolicy as string).policy.schoolDomains).toEqual(["csw.example"]);
  });

  it("keeps the defaults when the policy cannot be fetched or is invalid", async () => {
    vi.stubGlobal("location", { protocol: "https:", host: "privacy.school.example", pathname: "/addin/commands.html" });
    for (const response of [new Response("nope", { status: 500 }), new Response(JSON.stringify({ version: 2 }), { status: 200 })]) {
      vi.stubGlobal("fetch", vi.fn(async () => response));
      const ev = event();
      onItemChangedHandler(ev);
      await settle(ev);
      expect(ev.completed).toHaveBeenCalledTimes(1);
      expect(state.roaming.paPolicy).toBeUndefined();
    }
  });
});

describe("moveToBccCommand", () => {
  it("moves private and external addresses to Bcc in calls of at most 100, keeping colleagues and names", async () => {
    install({ to: parents(150).concat([colleague(1), colleague(2)]), cc: [{ displayName: "Jeugdzorg", emailAddress: "zorg@jeugdzorg.example.org" }, colleague(3)], bcc: [{ displayName: "Ouder 0", emailAddress: "ouder0@ziggo.nl" }] });
    const ev = event();
    moveToBccCommand(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(state.to).toEqual([colleague(1), colleague(2)]);
    expect(state.cc).toEqual([colleague(3)]);
    expect(state.bcc).toHaveLength(151);
    expect(state.bcc).toContainEqual({ displayName: "Ouder 149", emailAddress: "ouder149@gmail.com" });
    expect(state.bcc).toContainEqual({ displayName: "Jeugdzorg", emailAddress: "zorg@jeugdzorg.example.org" });
    const writes = state.calls.filter((c) => c.op === "write");
    expect(writes.every((w) => (w.count || 0) <= 100)).toBe(true);
    expect(writes[0].field).toBe("bcc"); // Bcc first: nobody is lost if a later call fails
    expect(state.notifications[0]).toContain("151 externe adressen naar BCC verplaatst");
  });

  it("leaves a field with a contact group alone, moves the rest and says which group to move by hand", async () => {
    const group: Recipient = { displayName: "Ouders 2B", emailAddress: "", recipientType: "distributionList" };
    const sectie: Recipient = { displayName: "Sectie", emailAddress: "", recipientType: "distributionList" };
    install({ to: [group, parents(1)[0]], cc: parents(6), bcc: [sectie] });
    const ev = event();
    moveToBccCommand(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(state.to).toEqual([group, parents(1)[0]]);
    expect(state.cc).toEqual([]);
    expect(state.bcc).toEqual([sectie].concat(parents(6)));
    expect(state.calls.filter((c) => c.op === "write").map((w) => w.field)).toEqual(["bcc", "cc"]);
    expect(state.notifications[0]).toContain("6 externe adressen naar BCC verplaatst. Sleep de contactgroep ‘Ouders 2B’ zelf naar BCC");
  });

  it("warns at send about a contact group in To and lets the user send anyway", async () => {
    install({ to: [{ displayName: "Ouders 2B", emailAddress: "", recipientType: "distributionList" }, colleague(1)] });
    const ev = event();
    onMessageSendHandler(ev);
    await settle(ev);
    const opts = ev.completed.mock.calls[0][0];
    expect(opts).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", commandId: "privacyCheckButton" });
    expect(opts.errorMessage).toContain("Contactgroep ‘Ouders 2B’ staat in Aan/CC");
  });

  it("completes within its own budget when Outlook never answers, having written Bcc first", async () => {
    vi.useFakeTimers();
    install({ to: parents(10).concat([colleague(1)]), hangOn: new Set(["to.setAsync"]) });
    const ev = event();
    moveToBccCommand(ev);
    await vi.advanceTimersByTimeAsync(COMMAND_BUDGET_MS - 1);
    expect(ev.completed).not.toHaveBeenCalled();
    expect(state.bcc).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(2);
    expect(ev.completed).toHaveBeenCalledTimes(1);
  });

  it("completes once and loses nobody when writing Bcc fails", async () => {
    install({ to: parents(10), failOn: new Set(["bcc.addAsync"]) });
    const ev = event();
    moveToBccCommand(ev);
    await settle(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(state.to).toHaveLength(10);
  });
});
