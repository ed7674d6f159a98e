// A forwarded question end to end through the Agents Playground: the bot is not sure, the asker
// forwards the question with consent, the privacy officer lists it with "vragen", answers it from
// the card, and the answer arrives in the asker's chat as a proactive message from the bot (the
// outbox sends it through the Playground's connector). The Playground's default user is both the
// asker and the officer (configured by Entra object id); the Playground sends every press with
// locale en-US, so the Dutch cards stay Dutch only because their buttons carry "lang": "nl".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptiveCard, cardText, startEnvironment, type Environment } from "../harness/index.js";

/** The Entra object id the Playground (0.2.28) gives its default user. */
const playgroundUserAadObjectId = "00000000-0000-0000-0000-0000000000020";

const question = "hoe laat vertrekt de bus naar de kerstmarkt in keulen";
const answer = "Dat is geen privacyvraag: vraag het de organisatie van de excursie.";

/** Every Action.Execute of a card (not the Submit fallbacks). */
function executes(node: any): any[] {
  if (Array.isArray(node)) return node.flatMap(executes);
  if (node && typeof node === "object") {
    const own = node.type === "Action.Execute" ? [node] : [];
    return own.concat(Object.entries(node).filter(([key]) => key !== "fallback").flatMap(([, value]) => executes(value)));
  }
  return [];
}

describe("forwarded questions answered by the privacy desk through the Agents Playground", () => {
  let env: Environment;
  let reference: string;

  beforeAll(async () => {
    env = await startEnvironment({ bot: { env: { Breaches__Officers__0: playgroundUserAadObjectId } } });
  });

  afterAll(async () => {
    await env?.stop();
  });

  it("forwards an unanswerable question with consent and confirms it in Dutch", async () => {
    const sent = await env.playground.send(question, { locale: "nl-NL" });
    const { message, card } = await env.playground.waitForBotCard({ after: sent.mark });
    const escalate = executes(card).find((action) => action.verb === "faq.escalate");
    expect(escalate).toBeDefined();
    expect(escalate.data.lang).toBe("nl");

    const response = await env.playground.execute(message.messageId, "faq.escalate", { ...escalate.data, consent: "true", contact: "false" });

    expect(response.type).toBe("application/vnd.microsoft.card.adaptive");
    const text = cardText(response.value);
    expect(text).toContain("Je vraag is doorgestuurd");
    reference = /VR-\d{4}-\d{4}/.exec(JSON.stringify(response.value))![0];
  });

  it("the officer lists it with 'vragen' and answers it; the answer arrives in the asker's chat once", async () => {
    const list = await env.playground.ask("vragen", { locale: "nl-NL" });
    const listCard = adaptiveCard(list);
    const listed = cardText(listCard);
    expect(listed).toContain("Doorgestuurde vragen");
    expect(listed).toContain(reference);
    expect(listed).toContain(question);
    const answerButton = executes(listCard).find((action) => action.verb === "faq.desk.answer" && action.data.reference === reference);
    expect(answerButton).toBeDefined();

    const mark = env.playground.mark();
    const answered = await env.playground.execute(list.messageId, "faq.desk.answer", { ...answerButton.data, [`answer-${reference}`]: answer });
    expect(cardText(answered.value)).toContain(`Antwoord op ${reference} is verstuurd`);

    const { card } = await env.playground.waitForBotCard({ after: mark, match: (c) => cardText(c).includes("Antwoord van de privacydesk") });
    expect(cardText(card)).toContain(answer);
    expect(JSON.stringify(card)).toContain(reference);

    // Pressing again (a replay) sends nothing more.
    const again = await env.playground.execute(list.messageId, "faq.desk.answer", { ...answerButton.data, [`answer-${reference}`]: answer });
    expect(cardText(again.value)).toContain("al beantwoord");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const answers = env.playground.allExchanges.filter(
      (exchange) => exchange.direction === "fromBot" && JSON.stringify(exchange.activity ?? {}).includes("Antwoord van de privacydesk"),
    );
    expect(answers).toHaveLength(1);
  });

  it("never logs the question or the answer", () => {
    expect(env.bot.output).not.toContain("kerstmarkt");
    expect(env.bot.output).not.toContain("excursie");
  });
});
