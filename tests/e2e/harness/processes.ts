// Child processes with collected output, free loopback ports, and polling.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createServer } from "node:net";

// Children still running, killed when this test process exits however it exits, so a crashed or
// interrupted test run leaves no bot or Playground behind.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export class ChildProcessHandle {
  private readonly lines: string[] = [];
  private exitCode: number | null = null;
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const collect = (chunk: Buffer) => this.lines.push(...chunk.toString("utf8").split(/\r?\n/).filter((l) => l.length > 0));
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    running.add(child);
    this.exited = new Promise((resolve) =>
      child.on("exit", (code) => {
        running.delete(child);
        this.exitCode = code ?? -1;
        resolve(code);
      }),
    );
  }

  static start(name: string, command: string, args: string[], options: SpawnOptions): ChildProcessHandle {
    return new ChildProcessHandle(name, spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] }));
  }

  get output(): string {
    return this.lines.join("\n");
  }

  get hasExited(): boolean {
    return this.exitCode !== null;
  }

  /** Resolves with the first match of `pattern` in the output; rejects if the process exits or the time runs out. */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (this.hasExited) throw new Error(`${this.name} exited (${this.exitCode}) before printing ${pattern}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.output}`);
      await delay(100);
    }
  }

  /** Stops the process (SIGTERM, then SIGKILL after 5 s). */
  async stop(): Promise<void> {
    if (this.hasExited) return;
    this.child.kill("SIGTERM");
    const killed = await Promise.race([this.exited.then(() => true), delay(5000).then(() => false)]);
    if (!killed) {
      this.child.kill("SIGKILL");
      await this.exited;
    }
  }
}

/** A port that was free on 127.0.0.1 a moment ago (for programs that need their port up front). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value (not undefined) or the time runs out. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(100);
  }
}
