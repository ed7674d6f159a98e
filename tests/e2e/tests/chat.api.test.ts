// The bot and the Agents Playground on loopback; the test talks through the Playground's HTTP API
// and sees what the bot sent back through the Playground's connector.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptiveCard, cardText, Playground, startEnvironment, type Environment } from "../harness/index.js";

describe("chat through the Agents Playground", () => {
  let env: Environment;

  beforeAll(async () => {
    env = await startEnvironment();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it("answers a message through the Playground's connector", async () => {
    // The Playground always sends locale en-US, so the bot answers in English.
    const reply = await env.playground.ask("help");

    const card = adaptiveCard(reply);
    expect(card?.type).toBe("AdaptiveCard");
    expect(cardText(card)).toContain("What can the Privacy Assistant do?");
    expect(cardText(card)).toContain("datalek melden");
    expect(cardText(card)).toContain("Outlook");
  });

  it("answers in Dutch when the user's locale is Dutch", async () => {
    const reply = await env.playground.ask("hulp", { locale: "nl-NL" });

    expect(cardText(adaptiveCard(reply))).toContain("Wat kan de Privacy-assistent?");
  });

  it("welcomes the user in Dutch when the app is opened", async () => {
    const mark = await env.playground.install();

    const welcome = await env.playground.waitForBotMessage({ after: mark });

    expect(cardText(adaptiveCard(welcome))).toContain("Welkom bij de Privacy-assistent");
  });

  it("answers Action.Execute on a card with a replacement card in the invoke response", async () => {
    const card = await env.playground.ask("help");

    const response = await env.playground.execute(card.messageId, "help");

    expect(response.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(response.value)).toContain("What can the Privacy Assistant do?");
  });

  it("answers Action.Execute with an unknown verb with an error response, not a failure", async () => {
    const { message } = await env.playground.waitForBotCard({ after: (await env.playground.send("help")).mark });

    const response = await env.playground.execute(message.messageId, "no.such.verb");

    expect(response.statusCode).toBe(400);
    expect(response.type).toBe("application/vnd.microsoft.error");
  });

  it("answers an invoke it does not know with 501", async () => {
    const card = await env.playground.ask("help");

    const response = await env.playground.invoke("composeExtension/query", card.messageId, { commandId: "search" });

    expect(response.statusCode).toBe(501);
  });

  it("sends its reply over the wire as a Teams reply to the user's message", async () => {
    const sent = await env.playground.send("help");
    const { message } = await env.playground.waitForBotCard({ after: sent.mark });

    const activity = await env.playground.botActivity(message);

    expect(activity.type).toBe("message");
    expect(activity.replyToId).toBe(sent.activityId);
    expect(activity.conversation.id).toBe(env.playground.conversationId);
    expect(activity.recipient.id).toBe(env.playground.userId);
    expect(await env.playground.channelData(message)).toBe(activity.channelData);
  });

  it("replaces the card in place on Action.Submit", async () => {
    const mark = await env.playground.install();
    const welcome = await env.playground.waitForBotMessage({ after: mark });

    const submitted = await env.playground.submit(welcome.messageId, { verb: "help" });
    const updated = await env.playground.waitForUpdate(welcome.messageId, { after: submitted });

    expect(cardText(adaptiveCard(updated))).toContain("What can the Privacy Assistant do?");
  });

  it("points to help when it does not understand", async () => {
    // Free text is a question for the knowledge base: gibberish gets the honest "not sure" card.
    const reply = await env.playground.ask("qwerty asdf");

    expect(cardText(adaptiveCard(reply))).toContain("Type **help**");
  });

  it("also works when the Playground asks for replies in the HTTP response (expectReplies)", async () => {
    const playground = await Playground.start({ botEndpoint: env.bot.messagesUrl, deliveryMode: "expectReplies" });
    try {
      const reply = await playground.ask("help");

      expect(cardText(adaptiveCard(reply))).toContain("What can the Privacy Assistant do?");
      // The activity came back in the bot's HTTP answer, not through the connector.
      const activity = await playground.botActivity(reply);
      expect(activity.summary).toBe("What can the Privacy Assistant do?");
      const exchange = playground.allExchanges.find((e) => e.direction === "toBot" && e.activity.deliveryMode === "expectReplies");
      expect(exchange?.response.body.activities).toContainEqual(activity);
    } finally {
      await playground.stop();
    }
  });

  it("never logs message text", () => {
    expect(env.bot.output).not.toContain("qwerty asdf");
  });
});
