// Where things are: the repository, the built bot, the pinned Playground, the test output folder.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The bot's project folder: its content root (appsettings.json, relative paths such as the add-in policy). */
export const botProjectDir = join(repoRoot, "bot", "PrivacyAssistant.Bot");

/** The built host; `PA_BOT_DLL` overrides, `PA_CONFIGURATION` picks Debug (default) or Release. */
export const botDll =
  process.env.PA_BOT_DLL ??
  join(botProjectDir, "bin", process.env.PA_CONFIGURATION ?? "Debug", "net10.0", "PrivacyAssistant.Bot.dll");

/** The Playground pinned in tools/playground (run `npm ci` there). */
export const playgroundDir = join(repoRoot, "tools", "playground");
export const playgroundCli = join(playgroundDir, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
export const playgroundLoopbackPatch = join(playgroundDir, "loopback.cjs");

/** Screenshots and logs of the end-to-end tests (git-ignored). */
export const testOutputDir = join(repoRoot, "test-output", "e2e");

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function requireFile(path: string, hint: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
  return path;
}
