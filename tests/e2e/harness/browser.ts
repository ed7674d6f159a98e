// Headless Chromium (the system's /usr/bin/chromium) for driving the Playground's web UI.
import { chromium, type Browser } from "playwright-core";
import { chromiumPath, requireFile } from "./paths.js";

export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  requireFile(chromiumPath, "install Chromium (apt-get install -y chromium) or set CHROMIUM_PATH");
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    browser,
    async close() {
      // Playwright gives each launch a fresh, temporary profile and removes it on close.
      await browser.close();
    },
  };
}
