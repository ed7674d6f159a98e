// The README's run command: ./run.sh brings up the bot and the Playground on the ports it is given,
// a message typed into the Playground gets the bot's answer, and Ctrl-C leaves nothing running.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptiveCard, cardText, delay, freePort, Playground, repoRoot, waitFor } from "../harness/index.js";

/** True while any process of group `pgid` is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Local addresses listening on `port` (Linux /proc/net/tcp and tcp6), e.g. ["127.0.0.1"]. */
function listeningAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let table = "";
    try {
      table = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of table.split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A") continue; // 0A = LISTEN
      const [hex, portHex] = local.split(":");
      if (parseInt(portHex!, 16) !== port) continue;
      addresses.push(
        hex!.length === 8
          ? hex!.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join(".")
          : hex === "00000000000000000000000000000000" ? "::" : hex === "00000000000000000000000001000000" ? "::1" : `ipv6:${hex}`,
      );
    }
  }
  return addresses;
}

async function portOpen(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

describe("./run.sh", () => {
  let script: ChildProcess;
  let output = "";
  let botPort: number;
  let playgroundPort: number;

  beforeAll(async () => {
    botPort = await freePort();
    playgroundPort = await freePort();
    // Its own process group, as in a terminal, so Ctrl-C can be sent to all of it.
    script = spawn("bash", [join(repoRoot, "run.sh")], {
      cwd: repoRoot,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PA_BOT_PORT: String(botPort), PA_PLAYGROUND_PORT: String(playgroundPort), TEAMSAPPTESTER_BROWSER: "none", PA_SKIP_BUILD: "1" },
    });
    script.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    script.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // The bot was built before the tests (globalSetup or ./test.sh); run.sh's own build is skipped.
    await waitFor(
      () => (output.includes("Privacy Assistant is running.") ? true : script.exitCode !== null ? Promise.reject(new Error(`run.sh exited:\n${output}`)) : undefined),
      120_000,
      "run.sh to say the bot and the Playground are running",
    ).catch((error) => {
      throw new Error(`${error.message}\n${output}`);
    });
  }, 300_000);

  afterAll(() => {
    if (script?.pid && groupAlive(script.pid)) process.kill(-script.pid, "SIGKILL");
  });

  it("gives a working chat on the ports it was given, on loopback", async () => {
    expect(output).toContain(`http://127.0.0.1:${playgroundPort}`);
    expect((await fetch(`http://127.0.0.1:${botPort}/healthz`)).status).toBe(200);
    // No authentication locally: neither the bot nor the Playground that relays to it may be reachable from outside.
    expect(listeningAddresses(botPort)).toEqual(["127.0.0.1"]);
    expect(listeningAddresses(playgroundPort)).toEqual(["127.0.0.1"]);

    const playground = await Playground.attach(`http://127.0.0.1:${playgroundPort}`);
    try {
      const reply = await playground.ask("help");

      expect(cardText(adaptiveCard(reply))).toContain("What can the Privacy Assistant do?");
    } finally {
      await playground.stop();
    }
  });

  it("stops the bot and the Playground on Ctrl-C and leaves no process behind", async () => {
    process.kill(-script.pid!, "SIGINT");

    await waitFor(() => (groupAlive(script.pid!) ? undefined : true), 20_000, "every process of run.sh to end");
    await delay(200);
    expect(await portOpen(botPort)).toBe(false);
    expect(await portOpen(playgroundPort)).toBe(false);
  });
});
