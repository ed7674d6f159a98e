// The real bot process behind Kestrel on loopback, posted to directly: bad input gets a 4xx (never a
// 5xx), probes work, and afterwards the bot still chats through the Playground.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptiveCard, cardText, startEnvironment, type Environment } from "../harness/index.js";

describe("the bot's /api/messages in the real process", () => {
  let env: Environment;

  beforeAll(async () => {
    env = await startEnvironment();
  });

  afterAll(async () => {
    await env?.stop();
  });

  const activity = (change: (a: any) => void = () => {}) => {
    const a: any = {
      type: "message",
      id: "m1",
      channelId: "msteams",
      serviceUrl: "http://127.0.0.1:9/_connector",
      conversation: { id: "c1", conversationType: "personal", tenantId: "t1" },
      from: { id: "29:user", aadObjectId: "00000000-0000-0000-0000-000000000001" },
      recipient: { id: "28:bot" },
      text: "help",
      deliveryMode: "expectReplies",
    };
    change(a);
    return JSON.stringify(a);
  };

  const badBodies: [string, string][] = [
    ["not JSON", "this is not json"],
    ["a JSON array", "[{\"type\":\"message\"}]"],
    ["missing type", activity((a) => delete a.type)],
    ["missing channelId", activity((a) => delete a.channelId)],
    ["type is a number", activity((a) => (a.type = 42))],
    ["text is an object", activity((a) => (a.text = { nl: "hallo" }))],
    ["conversation is a string", activity((a) => (a.conversation = "c1"))],
    ["attachments is a string", activity((a) => (a.attachments = "card"))],
  ];

  it.each(badBodies)("answers a body that is %s with 400", async (_why, body) => {
    const response = await fetch(env.bot.messagesUrl, { method: "POST", headers: { "content-type": "application/json" }, body });

    expect(response.status).toBe(400);
  });

  /**
   * Posts a body over the limit and expects the host to answer 413. Kestrel answers and closes the
   * connection as soon as the limit is passed; when that happens while the client is still writing,
   * the client sees EPIPE/ECONNRESET and never reads the response, so the host's log line is what
   * shows the answer either way.
   */
  async function expectPayloadTooLarge(init: RequestInit): Promise<void> {
    const answered413 = () => (env.bot.output.match(/Messaging endpoint answered 413 \(PayloadTooLarge\)/g) ?? []).length;
    const before = answered413();
    let status: number | undefined;
    try {
      status = (await fetch(env.bot.messagesUrl, init)).status;
    } catch {
      status = undefined;
    }

    if (status !== undefined) expect(status).toBe(413);
    await expect.poll(answered413, { timeout: 5000 }).toBe(before + 1);
  }

  it("answers a 10 MB body with 413", async () => {
    const body = activity((a) => (a.text = "x".repeat(10 * 1024 * 1024)));

    await expectPayloadTooLarge({ method: "POST", headers: { "content-type": "application/json" }, body });
  });

  it("answers an oversized chunked body (no Content-Length) with 413", async () => {
    // Kestrel's own body limit applies here, unlike in the in-process tests.
    const bytes = new TextEncoder().encode(activity((a) => (a.text = "x".repeat(2 * 1024 * 1024))));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });

    await expectPayloadTooLarge({ method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
  });

  it("answers a valid expectReplies activity with the replies in the body", async () => {
    const response = await fetch(env.bot.messagesUrl, { method: "POST", headers: { "content-type": "application/json" }, body: activity() });

    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: any[] };
    expect(body.activities).toHaveLength(1);
    expect(body.activities[0].replyToId).toBe("m1");
  });

  it("answers HEAD probes with 200", async () => {
    const response = await fetch(env.bot.messagesUrl, { method: "HEAD" });

    expect(response.status).toBe(200);
  });

  it("keeps serving the chat after all that, and logged no 5xx", async () => {
    const reply = await env.playground.ask("help");

    expect(cardText(adaptiveCard(reply))).toContain("What can the Privacy Assistant do?");
    const answered = [...env.bot.output.matchAll(/Messaging endpoint answered (\d+)/g)].map((m) => Number(m[1]));
    expect(answered.length).toBeGreaterThanOrEqual(badBodies.length + 2);
    expect(answered.every((status) => status >= 400 && status < 500)).toBe(true);
    expect(env.bot.output).not.toMatch(/\bfail:|unhandled exception/i);
  });
});
