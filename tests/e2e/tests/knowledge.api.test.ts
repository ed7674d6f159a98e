// FAQ answering through the Agents Playground: a staff member's question goes in as Teams would send
// it, the answer card and its channelData come back through the Playground's connector.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptiveCard, cardText, startEnvironment, type Environment } from "../harness/index.js";

/** Every Action.Execute of a card, also those inside ActionSets in the body. */
function allActions(node: any): any[] {
  if (Array.isArray(node)) return node.flatMap(allActions);
  if (node && typeof node === "object") {
    const own = node.type === "Action.Execute" ? [node] : [];
    return own.concat(Object.entries(node).filter(([key]) => key !== "fallback").flatMap(([, value]) => allActions(value)));
  }
  return [];
}

describe("knowledge answers through the Agents Playground", () => {
  let env: Environment;

  beforeAll(async () => {
    env = await startEnvironment();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it("answers a Dutch question with the answer card of the right entry", async () => {
    const sent = await env.playground.send("mag ik een foto van de klas op instagram zetten", { locale: "nl-NL" });
    const { message, card } = await env.playground.waitForBotCard({ after: sent.mark });

    const channelData = await env.playground.channelData(message);
    expect(channelData.privacyAssistant).toEqual({ entryId: "beeldmateriaal", decision: "answer" });
    expect(card.version).toBe("1.5");
    expect(cardText(card)).toContain("Mag ik foto's of video's van leerlingen publiceren?");
    const verbs = allActions(card).map((a: any) => a.verb);
    expect(verbs.filter((v: string) => v === "faq.feedback")).toHaveLength(2);
    expect(verbs.filter((v: string) => v === "faq.show").length).toBeLessThanOrEqual(3);

    // 👍 on the card: the invoke response is the same card with a thank-you instead of the buttons.
    // The Playground sends every invoke with locale en-US; the button's data carries the card's
    // language ("lang": "nl"), so the Dutch card stays Dutch.
    const thumbsUp = allActions(card).find((a: any) => a.verb === "faq.feedback" && a.data.helpful === true);
    expect(thumbsUp.data.lang).toBe("nl");
    const response = await env.playground.execute(message.messageId, "faq.feedback", thumbsUp.data);
    expect(response.statusCode).toBe(200);
    expect(response.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(response.value)).toContain("Bedankt voor je feedback!");
    expect(allActions(response.value).map((a: any) => a.verb)).not.toContain("faq.feedback");
  });

  it("answers a press without the card's language in the invoke's language (en-US from the Playground)", async () => {
    const sent = await env.playground.send("mag ik een foto van de klas op instagram zetten", { locale: "nl-NL" });
    const { message } = await env.playground.waitForBotCard({ after: sent.mark });

    const response = await env.playground.execute(message.messageId, "faq.feedback", { entryId: "beeldmateriaal", helpful: true });

    expect(cardText(response.value)).toContain("Thank you for your feedback!");
  });

  it("answers an English question in English, even from the Playground's own chat", async () => {
    const reply = await env.playground.ask("how long may the school keep student records");

    expect((await env.playground.channelData(reply)).privacyAssistant.entryId).toBe("bewaartermijnen");
    expect(cardText(adaptiveCard(reply))).toContain("Was this helpful?");
  });

  it("offers the breach report for 'ik ben mijn laptop kwijt'", async () => {
    const sent = await env.playground.send("ik ben mijn laptop kwijt", { locale: "nl-NL" });
    const { message, card } = await env.playground.waitForBotCard({ after: sent.mark });

    expect((await env.playground.channelData(message)).privacyAssistant.decision).toBe("breach");
    expect(allActions(card).map((a: any) => a.verb)).toContain("breach.start");
  });

  it("never logs the questions", () => {
    expect(env.bot.output).not.toContain("instagram");
    expect(env.bot.output).not.toContain("laptop kwijt");
  });
});
