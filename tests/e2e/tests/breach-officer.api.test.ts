// The privacy officer's side of breach reporting end to end: the Playground's default user (Alex
// Wilber) is configured as the officer by Entra object id, as a school would configure a real one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptiveCard, cardActions, cardText, startEnvironment, type Environment } from "../harness/index.js";

/** The Entra object id the Playground (0.2.28) gives its default user. */
const playgroundUserAadObjectId = "00000000-0000-0000-0000-0000000000020";

/** Every verb on a card, also in ShowCards and ActionSets. */
function verbs(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const element = node as Record<string, unknown>;
      if (typeof element.verb === "string") found.push(element.verb);
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe("breach register for officers through the Agents Playground", () => {
  let env: Environment;
  let reference: string;

  beforeAll(async () => {
    env = await startEnvironment({ bot: { env: { Breaches__Officers__0: playgroundUserAadObjectId } } });
    const formMessage = await env.playground.ask("datalek melden", { locale: "nl-NL" });
    const form = adaptiveCard(formMessage);
    const submit = cardActions(form).find((action) => action.verb === "breach.submit");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
    const response = await env.playground.execute(formMessage.messageId, "breach.submit", {
      ...submit.data,
      kind: "email-wrong-recipient",
      occurredDate: today,
      discoveredDate: today,
      discoveredTime: "00:00",
      categories: "grades",
      groups: "students,parents",
      count: "2-10",
      protection: "none",
      description: "Cijferoverzicht naar de verkeerde ouder gemaild",
    });
    reference = /DL-\d{4}-\d{4}/.exec(cardText(response.value))![0];
  });

  afterAll(async () => {
    await env?.stop();
  });

  it("the Playground sends its user's Entra object id, which is what officers are configured by", () => {
    const toBot = env.playground.allExchanges.find((exchange) => exchange.direction === "toBot" && exchange.activity?.type === "message");
    expect(toBot?.activity.from.aadObjectId).toBe(playgroundUserAadObjectId);
  });

  it("'meldingen' shows the open reports with the hours left until the 72-hour deadline", async () => {
    const reply = await env.playground.ask("meldingen", { locale: "nl-NL" });

    const text = cardText(adaptiveCard(reply));
    expect(text).toContain("Openstaande datalekken");
    expect(text).toContain(reference);
    expect(text).toMatch(/nog \d+ uur/);
  });

  it("opens a report and records the AP decision from the card", async () => {
    const list = await env.playground.ask("meldingen", { locale: "nl-NL" });

    const detail = await env.playground.execute(list.messageId, "breach.show", { reference });
    expect(cardText(detail.value)).toContain("Cijferoverzicht naar de verkeerde ouder gemaild");
    expect(verbs(detail.value)).toContain("breach.decide.ap");

    const decided = await env.playground.execute(list.messageId, "breach.decide.ap", { reference, apNotified: "no", apReason: "Ontvanger is bekend en heeft de mail verwijderd" });
    expect(cardText(decided.value)).toContain("Decision saved.");
  });

  it("corrects the discovery time from the report's card, with the reason kept in the register", async () => {
    const list = await env.playground.ask("meldingen", { locale: "nl-NL" });
    const detail = await env.playground.execute(list.messageId, "breach.show", { reference });
    expect(verbs(detail.value)).toContain("breach.decide.discovery");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());

    // A minute after the reported 00:00 of today: after the occurrence, never in the future.
    const corrected = await env.playground.execute(list.messageId, "breach.decide.discovery", {
      reference,
      discoveryDate: today,
      discoveryTime: "00:01",
      discoveryReason: "Melding kwam pas een minuut later binnen",
    });

    const text = cardText(corrected.value);
    expect(text).toContain("Decision saved.");
    expect(text).toMatch(/discovery time corrected: .*00:00 → .*00:01/);
  });

  it("'register exporteren' gives a personal link that downloads the register as CSV", async () => {
    const reply = await env.playground.ask("register exporteren", { locale: "nl-NL" });
    const url = /\((https?:\/\/[^)]+)\)/.exec(reply.text ?? "")?.[1];
    expect(url).toBeDefined();

    const download = await fetch(url!);

    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toContain("text/csv");
    const csv = await download.text();
    expect(csv).toContain(`${reference};`);
    expect(csv).toContain("Ontvanger is bekend en heeft de mail verwijderd");
  });

  it("never logs the report's text or the officer's id", () => {
    expect(env.bot.output).not.toContain("verkeerde ouder");
    expect(env.bot.output).not.toContain(playgroundUserAadObjectId);
  });
});
