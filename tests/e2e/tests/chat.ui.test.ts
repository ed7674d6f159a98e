// The Playground's web UI in headless Chromium: open the chat, see the welcome, type a message,
// see the reply, and keep a screenshot under test-output/e2e/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startEnvironment, testOutputDir, type Environment } from "../harness/index.js";

describe("the Playground's chat UI", () => {
  let env: Environment;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    env = await startEnvironment();
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await chromium?.close();
    await env?.stop();
  });

  it("shows the welcome, sends a typed message and shows the bot's reply", async () => {
    await page.goto(env.playground.url);

    // Opening the chat installs the app: the bot's Dutch welcome card appears.
    await page.getByText("Welkom bij de Privacy-assistent").first().waitFor({ timeout: 30_000 });

    const editor = page.locator('[data-lexical-editor="true"]').first();
    await editor.click();
    await page.keyboard.type("help");
    await page.keyboard.press("Enter");

    await page.getByText("What can the Privacy Assistant do?").first().waitFor({ timeout: 30_000 });
    expect(await page.getByText("Report a data breach").count()).toBeGreaterThan(0);

    mkdirSync(testOutputDir, { recursive: true });
    await page.screenshot({ path: join(testOutputDir, "playground-chat.png"), fullPage: true });
  });

  it("replaces the welcome card when its button is pressed (Action.Execute)", async () => {
    // The Playground sends locale en-US with the invoke, so the help card that replaces it is English.
    const title = page.getByText("What can the Privacy Assistant do?");
    const before = await title.count();

    await page.getByRole("button", { name: "Wat kan ik vragen?" }).first().click();

    await expect.poll(() => title.count(), { timeout: 30_000 }).toBeGreaterThan(before);
    expect(await page.getByText("Welkom bij de Privacy-assistent").count()).toBe(0);
    await page.screenshot({ path: join(testOutputDir, "playground-card-action.png"), fullPage: true });
  });
});
