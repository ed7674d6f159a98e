// The built Privacy Assistant host as a real process on 127.0.0.1 with a free port.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { botDll, botProjectDir, requireFile } from "./paths.js";
import { ChildProcessHandle, delay } from "./processes.js";

export interface BotOptions {
  /** Extra environment variables, e.g. `{ "Knowledge__Path": "…" }` (configuration `Section__Key`). */
  env?: Record<string, string>;
  /** Extra command-line arguments. */
  args?: string[];
  /** How long start-up may take (default 60 s). */
  startTimeoutMs?: number;
}

export class Bot {
  private constructor(
    readonly process: ChildProcessHandle,
    /** Base URL, e.g. http://127.0.0.1:41234 */
    readonly url: string,
    /** A fresh folder for this bot's data (its SQLite database unless `Storage__Sqlite__Path` is given); removed on stop. */
    readonly dataDir: string,
  ) {}

  /** The messaging endpoint the Playground posts to. */
  get messagesUrl(): string {
    return `${this.url}/api/messages`;
  }

  /** Everything the bot logged so far (for assertions on logging and for diagnosing failures). */
  get output(): string {
    return this.process.output;
  }

  static async start(options: BotOptions = {}): Promise<Bot> {
    requireFile(botDll, "build the bot first (dotnet build bot/PrivacyAssistant.Bot)");
    // Each bot its own database: other test runs on this machine must not share it.
    const dataDir = mkdtempSync(join(tmpdir(), "pa-bot-"));
    const env: NodeJS.ProcessEnv = { ...process.env, Storage__Sqlite__Path: join(dataDir, "privacy-assistant.db"), ...options.env };
    // Local mode unless a test configures otherwise.
    for (const name of ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS"]) {
      if (!options.env?.[name]) delete env[name];
    }
    const child = ChildProcessHandle.start("bot", "dotnet", [botDll, "--urls", "http://127.0.0.1:0", ...(options.args ?? [])], {
      cwd: botProjectDir,
      env,
    });
    try {
      const match = await child.waitForOutput(/Now listening on: (http:\/\/127\.0\.0\.1:\d+)/, options.startTimeoutMs ?? 60_000);
      const bot = new Bot(child, match[1]!, dataDir);
      await bot.waitUntilHealthy(options.startTimeoutMs ?? 60_000);
      return bot;
    } catch (error) {
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.process.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`The bot did not become healthy:\n${this.output}`);
      await delay(200);
    }
  }
}
