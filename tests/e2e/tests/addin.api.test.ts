// The Outlook add-in as deployed: the app package made by the packaging command, served by the real
// bot host. Every URL both manifests name must be served; the event bundle the host serves must
// fetch the host's policy, and a Smart Alert's "Lees meer" link must open a chat with the same bot
// the manifest declares.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot, repoRoot } from "../harness/index.js";
import { botProjectDir, requireFile } from "../harness/paths.js";

const BOT_ID = "5b1d7e2a-4c3f-4e8a-9d6b-2f0a1c3e5d7b";

interface Manifests {
  hostUrl: string;
  json: { bots: { botId: string }[] };
  jsonText: string;
  xml: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("Outlook add-in served by the bot host", () => {
  let bot: Bot;
  let manifests: Manifests;
  let outDir: string;

  beforeAll(async () => {
    requireFile(join(repoRoot, "addin", "dist", "launchevent.js"), "build the add-in first (cd addin && npm run build)");
    outDir = mkdtempSync(join(tmpdir(), "pa-e2e-package-"));
    const pkg = await import(pathToFileURL(join(repoRoot, "manifest", "package.mjs")).href);
    // The bot runs in local mode (no Bot:AppId); the id the add-in's links use comes from Addin:TeamsBotId.
    const result = pkg.generate(join(repoRoot, "manifest", "config.json"), outDir, { botId: BOT_ID, botSettings: botProjectDir, env: {} });
    const jsonText = readFileSync(join(outDir, "manifest.json"), "utf8");
    manifests = { hostUrl: result.values.hostUrl, json: JSON.parse(jsonText), jsonText, xml: readFileSync(join(outDir, "manifest.xml"), "utf8") };
    bot = await Bot.start({ env: { Addin__TeamsBotId: BOT_ID } });
  });

  afterAll(async () => {
    await bot?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  /** The manifests' URLs on the configured host, pointed at the running host instead. */
  function servedUrls(): string[] {
    const all = [...manifests.jsonText.matchAll(/"(https:[^"]+)"/g), ...manifests.xml.matchAll(/"(https:[^"]+)"/g)].map((m) => m[1]!);
    return [...new Set(all.filter((u) => u.startsWith(`${manifests.hostUrl}/`)))].map((u) => bot.url + u.slice(manifests.hostUrl.length));
  }

  it("serves every page, script and icon both manifests name", async () => {
    const urls = servedUrls();
    expect(urls.length).toBeGreaterThanOrEqual(8);
    const expectedType: Record<string, RegExp> = { html: /^text\/html/, js: /javascript/, png: /^image\/png/ };
    for (const url of urls) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      const ext = url.split(".").pop()!;
      expect(response.headers.get("content-type") ?? "", url).toMatch(expectedType[ext] ?? /./);
      await response.arrayBuffer();
    }
  });

  it("runs the served event bundle: policy from this host, Smart Alert linking to the manifest's bot", async () => {
    const script = await (await fetch(`${bot.url}/addin/launchevent.js`)).text();
    expect(script).toContain(`${bot.url}/addin/policy.json`);
    const policy: Json = await (await fetch(`${bot.url}/addin/policy.json`)).json();
    expect(policy.knowledge.botId).toBe(manifests.json.bots[0]!.botId);

    // Classic Outlook's JavaScript-only runtime: one script, Office.actions.associate, no DOM.
    const associated: Record<string, (event: unknown) => void> = {};
    const roaming: Record<string, unknown> = {};
    const ok = (cb: (r: unknown) => void, value?: unknown) => cb({ status: "succeeded", value });
    const parents = Array.from({ length: 27 }, (_, i) => ({ displayName: `Ouder ${i}`, emailAddress: `ouder${i}@gmail.com` }));
    const field = (list: unknown[]) => ({ getAsync: (cb: (r: unknown) => void) => ok(cb, list) });
    const session: Record<string, string> = {};
    const office = {
      actions: { associate: (name: string, fn: (event: unknown) => void) => { associated[name] = fn; } },
      context: {
        displayLanguage: "nl-NL",
        requirements: { isSetSupported: (_set: string, v: string) => ["1.12", "1.13", "1.14", "1.15"].includes(v) },
        roamingSettings: { get: (k: string) => roaming[k], set: (k: string, v: unknown) => { roaming[k] = v; }, saveAsync: (cb?: () => void) => cb?.() },
        mailbox: {
          userProfile: { emailAddress: "docent@school.example", displayName: "Docent" },
          item: {
            to: field(parents), cc: field([]), bcc: field([]),
            body: { getAsync: (_type: string, cb: (r: unknown) => void) => ok(cb, "<p>Beste ouders van 3B,</p>") },
            getAttachmentsAsync: (cb: (r: unknown) => void) => ok(cb, []),
            sessionData: {
              getAsync: (k: string, cb: (r: unknown) => void) => (k in session ? ok(cb, session[k]) : cb({ status: "failed", error: { message: "missing" } })),
              setAsync: (k: string, v: string, cb: (r: unknown) => void) => { session[k] = v; ok(cb); },
            },
          },
        },
      },
    };
    vm.runInNewContext(script, { Office: office, fetch, setTimeout, clearTimeout, console: { log() {}, error() {} } });
    const run = (name: string) =>
      new Promise<unknown[]>((resolve) => {
        const calls: unknown[] = [];
        associated[name]!({ completed: (options?: unknown) => { calls.push(options); setTimeout(() => resolve(calls), 50); } });
      });

    // The recipients-changed handler fetches the host's policy and caches it in roamingSettings.
    expect(await run("onRecipientsChangedHandler")).toEqual([undefined]);
    expect(JSON.parse(String(roaming.paPolicy)).policy.knowledge.botId).toBe(BOT_ID);

    const calls = await run("onMessageSendHandler");
    expect(calls).toHaveLength(1);
    const decision = calls[0] as Json;
    expect(decision.allowEvent).toBe(false);
    expect(decision.commandId).toBe("moveToBccButton");
    expect(manifests.jsonText).toContain(`"id": "${decision.commandId}"`);
    expect(decision.errorMessage).toContain("27");
    expect(decision.errorMessageMarkdown).toContain(`https://teams.microsoft.com/l/chat/0/0?users=28:${manifests.json.bots[0]!.botId}&message=`);
  });
});
