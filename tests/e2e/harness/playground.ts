// The Microsoft 365 Agents Playground (pinned in tools/playground) as a real process on 127.0.0.1,
// driven the way its web UI drives it: the HTTP API under /_conversation and /_debug, and the
// WebSocket stream that shows what the bot sent through the Playground's connector (/_connector).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { playgroundCli, playgroundLoopbackPatch, requireFile } from "./paths.js";
import { adaptiveCard } from "./cards.js";
import { ChildProcessHandle, freePort, waitFor } from "./processes.js";

/** A message as the Playground shows it (what arrived through its connector). */
export interface PlaygroundMessage {
  messageId: string;
  timestamp: number;
  from: { id: string };
  text?: string;
  textFormat?: string;
  attachments: { contentType: string; content: any }[];
}

/** One event of the conversation stream, numbered in arrival order. */
export interface PlaygroundEvent {
  seq: number;
  action: "createMessage" | "updateMessage" | "typing" | string;
  conversationId: string;
  message?: PlaygroundMessage;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:41234/api/messages */
  botEndpoint: string;
  /** `expectReplies` makes the Playground ask for replies in the HTTP response. */
  deliveryMode?: "default" | "expectReplies";
  startTimeoutMs?: number;
}

/** What a send returns. */
export interface Sent {
  /** The id of the user's message in the Playground's chat. */
  messageId: string;
  /** The `id` of the activity the bot received (what its replies carry as `replyToId`). */
  activityId: string;
  /** The stream position before the send: pass it as `after` to wait for what the bot sent back. */
  mark: number;
}

/**
 * One HTTP exchange between the Playground and the bot, as the Playground's log shows it:
 * `toBot` = an activity the Playground posted to /api/messages (with the bot's HTTP answer),
 * `fromBot` = an activity the bot sent to the Playground's connector (with the connector's answer).
 */
export interface PlaygroundExchange {
  direction: "toBot" | "fromBot";
  activityName: string;
  /** The Playground's message id (for `fromBot`: the id the message has in the conversation). */
  messageId: string;
  /** The activity exactly as it went over the wire (channelData, entities, replyToId, …). */
  activity: any;
  response: { statusCode: number; body: any };
}

/** The bot's answer to an invoke, as it went over the wire: HTTP 200 with `{statusCode, type, value}`. */
export interface InvokeResponse {
  statusCode: number;
  type: string;
  value: any;
}

export class Playground {
  private readonly events: PlaygroundEvent[] = [];
  private readonly exchanges: PlaygroundExchange[] = [];
  private readonly sockets: WebSocket[] = [];

  private constructor(
    /** The Playground's process; undefined when attached to one started elsewhere. */
    readonly process: ChildProcessHandle | undefined,
    private readonly workDir: string | undefined,
    /** Base URL, e.g. http://127.0.0.1:56150 (open it in a browser for the chat UI). */
    readonly url: string,
    /** The personal chat with the bot. */
    readonly conversationId: string,
    /** The signed-in test user (Playground id, e.g. user-id-0). */
    readonly userId: string,
    /** The bot's id in the Playground. */
    readonly botId: string,
  ) {}

  /** Starts the Playground on a free port (its connector at <url>/_connector) and connects to its stream. */
  static async start(options: PlaygroundOptions): Promise<Playground> {
    requireFile(playgroundCli, "run `npm ci` in tools/playground");
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const workDir = mkdtempSync(join(tmpdir(), "pa-playground-"));
      const args = [
        "-r", playgroundLoopbackPatch, playgroundCli, "start",
        "-e", options.botEndpoint,
        "-c", "msteams",
        "-p", String(port),
        "--su", `http://127.0.0.1:${port}/_connector`,
        "--dt",
      ];
      if (options.deliveryMode) args.push("--dm", options.deliveryMode);
      const child = ChildProcessHandle.start("playground", process.execPath, args, {
        cwd: workDir,
        env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none" },
      });
      let listening: RegExpMatchArray;
      try {
        listening = await child.waitForOutput(/Listening on (\d+)/, options.startTimeoutMs ?? 60_000);
      } catch (error) {
        await child.stop();
        rmSync(workDir, { recursive: true, force: true });
        throw error;
      }
      if (Number(listening[1]) !== port) {
        // The port was taken in between and the Playground picked another, which breaks --su: retry.
        await child.stop();
        rmSync(workDir, { recursive: true, force: true });
        if (attempt >= 3) throw new Error("The Playground could not get the port it was given");
        continue;
      }
      const url = `http://127.0.0.1:${port}`;
      let playground: Playground;
      try {
        const config = (await (await fetch(`${url}/_internal/v1/config`)).json()) as any;
        playground = new Playground(child, workDir, url, config.config.personalChat.id, config.config.currentUser.id, config.config.bot.id);
      } catch (error) {
        await child.stop();
        rmSync(workDir, { recursive: true, force: true });
        throw error;
      }
      try {
        await playground.connect();
      } catch (error) {
        await playground.stop();
        throw error;
      }
      return playground;
    }
  }

  /** All stream events so far. */
  get allEvents(): readonly PlaygroundEvent[] {
    return this.events;
  }

  /** The current stream position; pass it as `after` to wait only for later events. */
  mark(): number {
    return this.events.length;
  }

  /** Messages the bot has sent in the personal chat (latest version of each). */
  botMessages(): PlaygroundMessage[] {
    const latest = new Map<string, PlaygroundMessage>();
    for (const event of this.events) {
      if (event.message && event.conversationId === this.conversationId && event.message.from.id === this.botId) {
        latest.set(event.message.messageId, event.message);
      }
    }
    return [...latest.values()];
  }

  /** Every exchange between the Playground and the bot so far, in the order the Playground logged them. */
  get allExchanges(): readonly PlaygroundExchange[] {
    return this.exchanges;
  }

  /**
   * The activity the bot sent for `message`, exactly as it went over the wire — for what the
   * Playground does not show, such as `channelData` or `replyToId`. For a message that was updated,
   * the latest version. Also works with `deliveryMode: expectReplies` (the activity is then taken
   * from the bot's HTTP answer, matched by text and attachments).
   */
  async botActivity(message: PlaygroundMessage, options: { timeoutMs?: number } = {}): Promise<any> {
    return waitFor(() => this.findBotActivity(message), options.timeoutMs ?? 10_000, `the activity of message ${message.messageId}`);
  }

  /** `channelData` of the activity the bot sent for `message` (undefined when it had none). */
  async channelData(message: PlaygroundMessage, options: { timeoutMs?: number } = {}): Promise<any> {
    return (await this.botActivity(message, options)).channelData;
  }

  /** Opens the app like a user does (installationUpdate and conversationUpdate): the bot's welcome follows. */
  async install(): Promise<number> {
    const mark = this.mark();
    await this.post(`/_debug/conversation/${encodeURIComponent(this.conversationId)}/installation`, {});
    return mark;
  }

  /**
   * Sends a text message as the test user. The Playground's chat always says `locale: en-US`; give
   * `locale` (e.g. `nl-NL`) to send the message as a custom activity with that locale instead.
   */
  async send(text: string, options: { locale?: string } = {}): Promise<Sent> {
    if (options.locale) {
      const activity = { type: "message", text, textFormat: "plain", locale: options.locale };
      return this.sendActivity(activity);
    }

    const mark = this.mark();
    const from = this.exchanges.length;
    const body = (await this.post(`/_conversation/v1/conversations/${encodeURIComponent(this.conversationId)}/messages`, {
      from: { id: this.userId },
      text,
      textFormat: "plain",
    })) as { messageId: string };
    // The chat's message id is not the activity's id; the Playground's log links the two by text.
    const exchange = await waitFor(
      () => this.exchanges.slice(from).find((e) => e.direction === "toBot" && e.activity?.type === "message" && e.activity?.text === text),
      10_000,
      "the Playground to post the message to the bot",
    );
    return { messageId: body.messageId, activityId: String(exchange.activity.id), mark };
  }

  /**
   * Sends any activity as the test user (the Playground's "Mock an Activity"): the Playground's
   * template for the personal chat (id, channel, serviceUrl, conversation, from, recipient) with
   * `activity`'s fields on top.
   */
  async sendActivity(activity: Record<string, unknown>): Promise<Sent> {
    const mark = this.mark();
    const response = await fetch(`${this.url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(this.conversationId)}`);
    if (!response.ok) throw new Error(`Playground activity template: ${response.status}`);
    const merged = { ...((await response.json()) as Record<string, unknown>), ...activity };
    await this.post("/_internal/v1/customActivities", merged);
    return { messageId: String(merged.id), activityId: String(merged.id), mark };
  }

  /** Presses an Action.Submit on the card with id `replyToId`: `value` is its data merged with the inputs. */
  async submit(replyToId: string, value: Record<string, unknown>): Promise<number> {
    const mark = this.mark();
    await this.post("/_conversation/v1/submit", { conversation: { id: this.conversationId }, from: { id: this.userId }, replyToId, value });
    return mark;
  }

  /**
   * Presses an Action.Execute with `verb` and `data` on the card with id `replyToId` (Teams sends an
   * `adaptiveCard/action` invoke). Returns the bot's invoke response as it went over the wire,
   * `{statusCode, type, value}`: `application/vnd.microsoft.card.adaptive` (value = the card that
   * replaces this one), `…activity.message` (value = text) or `…error` (statusCode 4xx/5xx).
   */
  async execute(replyToId: string, verb: string, data: Record<string, unknown> = {}): Promise<InvokeResponse> {
    const response = await this.invoke("adaptiveCard/action", replyToId, { action: { type: "Action.Execute", verb, data }, trigger: "manual" });
    return response.body as InvokeResponse;
  }

  /**
   * Sends any invoke activity (`name`, `value`) as the test user, as if from the card `replyToId`.
   * Returns the bot's HTTP answer (status and body) from the Playground's log.
   */
  async invoke(name: string, replyToId: string, value: unknown): Promise<{ statusCode: number; body: any }> {
    const from = this.exchanges.length;
    // The Playground answers with an error of its own when the bot's answer is not a 200; the
    // bot's real answer is in the log either way.
    await fetch(`${this.url}/_conversation/v1/invoke`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, conversation: { id: this.conversationId }, from: { id: this.userId }, replyToId, value }),
    });
    const expected = JSON.stringify(value);
    const exchange = await waitFor(
      () =>
        this.exchanges
          .slice(from)
          .find((e) => e.direction === "toBot" && e.activity?.type === "invoke" && e.activity?.name === name && JSON.stringify(e.activity?.value) === expected),
      10_000,
      `the bot's answer to the ${name} invoke`,
    );
    return exchange.response;
  }

  /** Waits for a new message from the bot after stream position `after` (optionally one that `match`es). */
  async waitForBotMessage(
    options: { after?: number; match?: (message: PlaygroundMessage) => boolean; timeoutMs?: number } = {},
  ): Promise<PlaygroundMessage> {
    return waitFor(
      () => this.find("createMessage", options.after ?? 0, options.match),
      options.timeoutMs ?? 30_000,
      "a message from the bot",
    );
  }

  /** Waits for a new message from the bot after `after` that carries an Adaptive Card (optionally one that `match`es). */
  async waitForBotCard(
    options: { after?: number; match?: (card: any, message: PlaygroundMessage) => boolean; timeoutMs?: number } = {},
  ): Promise<{ message: PlaygroundMessage; card: any }> {
    const message = await this.waitForBotMessage({
      after: options.after,
      timeoutMs: options.timeoutMs,
      match: (m) => {
        const card = adaptiveCard(m);
        return card !== undefined && (!options.match || options.match(card, m));
      },
    });
    return { message, card: adaptiveCard(message) };
  }

  /** Waits for the bot to update message `messageId` (e.g. a card replaced after Action.Submit). */
  async waitForUpdate(messageId: string, options: { after?: number; timeoutMs?: number } = {}): Promise<PlaygroundMessage> {
    return waitFor(
      () => this.find("updateMessage", options.after ?? 0, (m) => m.messageId === messageId),
      options.timeoutMs ?? 30_000,
      `an update of message ${messageId}`,
    );
  }

  /** Sends `text` (optionally with a `locale`) and returns the bot's first message after it. */
  async ask(text: string, options: { locale?: string; timeoutMs?: number } = {}): Promise<PlaygroundMessage> {
    const sent = await this.send(text, { locale: options.locale });
    return this.waitForBotMessage({ after: sent.mark, timeoutMs: options.timeoutMs });
  }

  /** Talks to a Playground that is already running at `url` (e.g. started by ./run.sh); `stop()` then only disconnects. */
  static async attach(url: string): Promise<Playground> {
    const config = (await (await fetch(`${url}/_internal/v1/config`)).json()) as any;
    const playground = new Playground(undefined, undefined, url, config.config.personalChat.id, config.config.currentUser.id, config.config.bot.id);
    try {
      await playground.connect();
    } catch (error) {
      await playground.stop();
      throw error;
    }
    return playground;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await this.process?.stop();
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
  }

  private find(action: string, after: number, match?: (message: PlaygroundMessage) => boolean): PlaygroundMessage | undefined {
    for (const event of this.events.slice(after)) {
      if (
        event.action === action &&
        event.message &&
        event.conversationId === this.conversationId &&
        event.message.from.id === this.botId &&
        (!match || match(event.message))
      ) {
        return event.message;
      }
    }
    return undefined;
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(this.url + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`Playground ${path} answered ${response.status}: ${text}`);
    return text.length > 0 ? JSON.parse(text) : undefined;
  }

  private findBotActivity(message: PlaygroundMessage): any | undefined {
    let found: any;
    for (const exchange of this.exchanges) {
      if (exchange.direction === "fromBot" && exchange.messageId === message.messageId) found = exchange.activity;
    }
    if (found) return found;
    // expectReplies: the bot's activities are in its HTTP answer and have no id yet.
    const same = (activity: any) =>
      (activity.text ?? undefined) === message.text &&
      JSON.stringify((activity.attachments ?? []).map((a: any) => a.content)) === JSON.stringify(message.attachments.map((a) => a.content));
    for (const exchange of this.exchanges) {
      const replies = exchange.direction === "toBot" ? exchange.response?.body?.activities : undefined;
      if (Array.isArray(replies)) found = replies.find(same) ?? found;
    }
    return found;
  }

  private async connect(): Promise<void> {
    const base = this.url.replace("http:", "ws:");
    // What the chat shows: messages created and updated, typing.
    await this.subscribe(`${base}/_ws_conversation/v1/conversations/stream`, (parsed) => {
      if (typeof parsed.action !== "string") return;
      this.events.push({ seq: this.events.length, action: parsed.action, conversationId: parsed.actionConversationId, message: parsed.message });
    });
    // The Playground's log panel: every request to and from the bot with its body and answer.
    await this.subscribe(`${base}/_ws/log/stream`, (parsed) => {
      const log = parsed.log;
      if (parsed.logAction !== "appendLog" || !log?.request) return;
      this.exchanges.push({
        direction: log.from === "User Application" ? "fromBot" : "toBot",
        activityName: log.activityName,
        messageId: log.messageId,
        activity: log.request.body,
        response: log.response,
      });
    });
  }

  private async subscribe(url: string, onMessage: (parsed: any) => void): Promise<void> {
    const socket = new WebSocket(url);
    this.sockets.push(socket);
    socket.on("message", (data) => {
      let parsed: any;
      try {
        parsed = JSON.parse(data.toString());
      } catch {
        return; // not JSON: not an event
      }
      onMessage(parsed);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
  }
}
