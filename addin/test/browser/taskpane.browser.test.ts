// Real browser: the add-in's pages in headless Chromium (playwright-core, /usr/bin/chromium) with a
// fake Office object. office.js itself cannot load here (it comes from Microsoft's CDN).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cijfers3B } from "../fixtures/school";

const addin = join(__dirname, "..", "..");
const dist = join(addin, "dist");
const outDir = join(addin, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".json": "application/json" };

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const policy = JSON.parse(readFileSync(join(addin, "..", "knowledge", "addin-policy.json"), "utf8"));
  policy.knowledge.botId = "11111111-2222-3333-4444-555555555555";
  server = createServer((req, res) => {
    const url = new URL(req.url || "/", "http://x");
    if (url.pathname === "/addin/policy.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(policy));
      return;
    }
    const rel = normalize(url.pathname.replace(/^\/addin\//, "")).replace(/^(\.\.[/\\])+/, "");
    const file = join(dist, rel);
    if (!url.pathname.startsWith("/addin/") || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/addin`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  mkdirSync(outDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function openWithFakeOffice(path: string, language: string): Promise<Page> {
  const xlsx = cijfers3B();
  const data = {
    language,
    to: Array.from({ length: 27 }, (_, i) => ({ displayName: `Ouder ${i + 1}`, emailAddress: `ouder${i + 1}@${i % 2 ? "gmail.com" : "ziggo.nl"}` })),
    cc: [{ displayName: "Mentor", emailAddress: "mentor@school.example" }],
    bcc: [],
    body: '<p>Beste ouders, zie <a href="https://we.tl/t-abc">de foto\'s</a>.</p>',
    attachments: [{ id: "att-1", name: "3B cijfers.xlsx", size: xlsx.length, base64: Buffer.from(xlsx).toString("base64") }],
  };
  const page = await browser.newPage({ viewport: { width: 380, height: 820 }, locale: language });
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js is faked by the test */" }));
  const fake = readFileSync(join(__dirname, "fakeOffice.js"), "utf8").replace("__DATA__", JSON.stringify(data));
  await page.addInitScript({ content: fake });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/${path}`);
  (page as unknown as { errors: string[] }).errors = errors;
  return page;
}

describe("task pane in Chromium", () => {
  it("shows the assessment of the draft, offers the Bcc fix, and saves a screenshot", async () => {
    const page = await openWithFakeOffice("taskpane.html", "nl-NL");
    await page.waitForFunction(() => document.querySelectorAll("#findings li").length > 0, undefined, { timeout: 20000 });
    const items = await page.locator("#findings li").allTextContents();
    expect(items[0]).toContain("27 adressen van buiten school");
    expect(items.some((t) => t.includes("Bijlage ‘3B cijfers.xlsx’ bevat 27 leerlingnamen met cijfers en gaat naar een adres buiten school"))).toBe(true);
    expect(items.some((t) => t.includes("WeTransfer"))).toBe(true);
    expect(await page.locator("#findings li a").first().getAttribute("href")).toContain("https://teams.microsoft.com/l/chat/0/0?users=28:11111111-2222-3333-4444-555555555555");
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    expect(await page.locator("#status").getAttribute("role")).toBe("status");
    await page.screenshot({ path: join(outDir, "taskpane.png"), fullPage: true });

    await page.getByRole("button", { name: "Externe adressen naar BCC" }).click();
    await page.waitForFunction(() => /naar BCC verplaatst/.test(document.getElementById("status")!.textContent || ""), undefined, { timeout: 20000 });
    const st = await page.evaluate(() => (window as unknown as { __pa: { to: unknown[]; cc: unknown[]; bcc: unknown[] } }).__pa);
    expect(st.bcc).toHaveLength(27);
    expect(st.cc).toEqual([{ displayName: "Mentor", emailAddress: "mentor@school.example" }]);
    expect(st.to).toEqual([{ displayName: "Docent", emailAddress: "docent@school.example" }]);
    expect(await page.locator("#findings li[data-kind=exposed-recipients]").count()).toBe(0);
    expect(await page.locator("#moveToBcc").isHidden()).toBe(true);
    await page.screenshot({ path: join(outDir, "taskpane-after-fix.png"), fullPage: true });
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it("speaks English when Outlook's display language is English", async () => {
    const page = await openWithFakeOffice("taskpane.html", "en-US");
    await page.waitForFunction(() => document.querySelectorAll("#findings li").length > 0, undefined, { timeout: 20000 });
    expect(await page.locator("h2#findingsTitle").textContent()).toBe("Findings");
    expect((await page.locator("#findings li").allTextContents()).join(" ")).toContain("contains 27 student names with grades");
    await page.screenshot({ path: join(outDir, "taskpane-en.png"), fullPage: true });
    await page.close();
  });
});

describe("event runtime page in Chromium", () => {
  it("runs the send handler from commands.html and completes exactly once", async () => {
    const page = await openWithFakeOffice("commands.html", "nl-NL");
    await page.waitForFunction(() => Object.keys((window as unknown as { __pa: { associated: object } }).__pa.associated).length === 4);
    const calls = await page.evaluate(
      () =>
        new Promise<unknown[]>((resolve) => {
          const calls: unknown[] = [];
          const pa = (window as unknown as { __pa: { associated: Record<string, (e: unknown) => void> } }).__pa;
          pa.associated.onMessageSendHandler({ completed: (o: unknown) => { calls.push(o); setTimeout(() => resolve(calls), 300); } });
        }),
    );
    expect(calls).toHaveLength(1);
    const o = calls[0] as { allowEvent: boolean; commandId: string; errorMessage: string; errorMessageMarkdown: string };
    expect(o.allowEvent).toBe(false);
    expect(o.commandId).toBe("moveToBccButton");
    expect(o.errorMessage.length).toBeLessThanOrEqual(500);
    expect(o.errorMessage).toContain("27 adressen van buiten school");
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });
});
