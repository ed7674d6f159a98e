// Breach reporting end to end: the real bot process and the Agents Playground. The report form is
// pressed through the Playground's API (Action.Execute invoke and Action.Submit), and the stored
// register is read back with the bot's own admin command on the same database.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adaptiveCard, cardActions, cardText, startEnvironment, type Environment } from "../harness/index.js";
import { botDll } from "../harness/paths.js";

const run = promisify(execFile);

const description = "Laptop met cijferlijsten van klas 2B in de trein laten liggen";

/** Every input of a card (recursively), by id. */
function inputs(card: any): Map<string, any> {
  const found = new Map<string, any>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const element = node as Record<string, any>;
      if (typeof element.type === "string" && element.type.startsWith("Input.") && typeof element.id === "string") found.set(element.id, element);
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** What Teams sends when the form's button is pressed: the action's data merged with the inputs as filled in. */
function filledIn(form: any): Record<string, unknown> {
  const fields = inputs(form);
  const submit = cardActions(form).find((action) => action.verb === "breach.submit");
  return {
    ...submit.data,
    kind: "lost-device",
    // The form proposes "now" as the discovery time; the laptop was lost earlier that day.
    occurredDate: fields.get("discoveredDate").value,
    discoveredDate: fields.get("discoveredDate").value,
    discoveredTime: fields.get("discoveredTime").value,
    categories: "grades,contact",
    groups: "students",
    count: "11-100",
    protection: "none",
    measures: "Wachtwoord gewijzigd",
    description,
  };
}

describe("breach reporting through the Agents Playground", () => {
  let env: Environment;
  let exportDir: string;

  /** The register as the admin command exports it from the bot's database. */
  async function register(): Promise<string> {
    const file = join(exportDir, `register-${Date.now()}.csv`);
    await run("dotnet", [botDll, "export-breaches", "--output", file], {
      env: { ...process.env, Storage__Sqlite__Path: join(env.bot.dataDir, "privacy-assistant.db") },
      timeout: 60_000,
    });
    return readFileSync(file, "utf8");
  }

  beforeAll(async () => {
    env = await startEnvironment();
    exportDir = mkdtempSync(join(tmpdir(), "pa-e2e-export-"));
  });

  afterAll(async () => {
    await env?.stop();
    rmSync(exportDir, { recursive: true, force: true });
  });

  it("'datalek melden' → form → Action.Execute submit → confirmation with a reference, and the report is stored", async () => {
    const formMessage = await env.playground.ask("datalek melden", { locale: "nl-NL" });
    const form = adaptiveCard(formMessage);
    expect(form.version).toBe("1.5");
    expect(cardText(form)).toContain("Datalek melden");

    // The Playground sends every invoke with locale en-US, so the answer to the press is English.
    const response = await env.playground.execute(formMessage.messageId, "breach.submit", filledIn(form));

    expect(response.type).toBe("application/vnd.microsoft.card.adaptive");
    const confirmation = cardText(response.value);
    const reference = /DL-\d{4}-\d{4}/.exec(confirmation)?.[0];
    expect(reference).toBeDefined();
    expect(confirmation).toContain("Ask IT to lock or wipe the device remotely.");
    const csv = await register();
    expect(csv).toContain(`${reference};`);
    expect(csv).toContain(description);

    // The same press again (double click, client retry): the same report, nothing new.
    const again = await env.playground.execute(formMessage.messageId, "breach.submit", filledIn(form));
    expect(cardText(again.value)).toContain(reference!);
    expect((await register()).match(/DL-\d{4}-\d{4};/g)).toHaveLength(1);
  });

  it("'ik ben mijn laptop kwijt' → breach offer → form → submit via the Playground's API → confirmation and a stored report", async () => {
    const offer = await env.playground.ask("ik ben mijn laptop kwijt", { locale: "nl-NL" });
    const start = cardActions(adaptiveCard(offer)).find((action) => action.verb === "breach.start");
    expect(start).toBeDefined();

    const opened = await env.playground.execute(offer.messageId, "breach.start", start.data ?? {});
    expect(opened.type).toBe("application/vnd.microsoft.card.adaptive");
    const form = opened.value;
    expect(cardActions(form).map((action) => action.verb)).toContain("breach.submit");

    const response = await env.playground.execute(offer.messageId, "breach.submit", filledIn(form));

    const reference = /DL-\d{4}-\d{4}/.exec(cardText(response.value))?.[0];
    expect(reference).toBeDefined();
    const csv = await register();
    expect(csv).toContain(`${reference};`);
  });

  it("Action.Submit with a half-filled form gets the form back with the problems and keeps the input; nothing is stored", async () => {
    const before = (await register()).match(/DL-\d{4}-\d{4};/g)?.length ?? 0;
    const formMessage = await env.playground.ask("datalek melden", { locale: "nl-NL" });
    const form = adaptiveCard(formMessage);
    const value = { ...filledIn(form), verb: "breach.submit" } as Record<string, unknown>;
    delete value.groups;

    // Submits, like the Playground's chat, carry locale en-US: the form comes back in English.
    const submitted = await env.playground.submit(formMessage.messageId, value);
    const updated = await env.playground.waitForUpdate(formMessage.messageId, { after: submitted });

    const card = adaptiveCard(updated);
    expect(cardText(card)).toContain("Not everything is filled in correctly.");
    expect(cardText(card)).toContain("This field is required.");
    expect(inputs(card).get("description").value).toBe(description);
    expect((await register()).match(/DL-\d{4}-\d{4};/g)?.length ?? 0).toBe(before);
  });

  it("Action.Submit with the whole form replaces the form with the confirmation in place", async () => {
    const formMessage = await env.playground.ask("report a data breach");
    const form = adaptiveCard(formMessage);
    expect(cardText(form)).toContain("Report a data breach");

    const submitted = await env.playground.submit(formMessage.messageId, { ...filledIn(form), verb: "breach.submit" });
    const updated = await env.playground.waitForUpdate(formMessage.messageId, { after: submitted });

    const reference = /DL-\d{4}-\d{4}/.exec(cardText(adaptiveCard(updated)))?.[0];
    expect(reference).toBeDefined();
    expect(await register()).toContain(`${reference};`);
  });

  it("'mijn meldingen' lists the reporter's own reports", async () => {
    const reply = await env.playground.ask("mijn meldingen", { locale: "nl-NL" });

    expect(cardText(adaptiveCard(reply))).toMatch(/DL-\d{4}-\d{4}/);
  });

  it("never logs the report's text", () => {
    expect(env.bot.output).not.toContain(description);
    expect(env.bot.output).not.toContain("klas 2B");
  });
});
