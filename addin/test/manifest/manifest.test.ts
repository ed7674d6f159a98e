// Validates the generated manifests offline: the unified manifest against the Teams 1.22 JSON schema
// (ajv, draft-04) and with office-addin-manifest's bundled schemas, plus cross-checks no schema
// does: action ids, event names, valid domains, XML function names against the bundle.
import AjvDraft04 from "ajv-draft-04";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { inflateSync } from "node:zlib";
import { validateManifest } from "office-addin-manifest";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMAND_MOVE_TO_BCC, COMMAND_OPEN_PANE } from "../../src/core/alert";

const repo = join(__dirname, "..", "..", "..");
const schemaPath = join(repo, "..", "shared", "schemas", "teams-manifest-1.22.schema.json");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let out: string;
let manifest: Json;
let xml: string;
let config: Json;
let pkg: Json;
let botSettings: string;

const BOT_ID = "3f2b1a0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c";
const botProject = join(repo, "bot", "PrivacyAssistant.Bot");

/** A copy of the host's content root with the production override a deployment would add. */
function botContentRoot(production: Json, extra: Record<string, Json> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "pa-bot-"));
  writeFileSync(join(dir, "appsettings.json"), readFileSync(join(botProject, "appsettings.json")));
  if (production) writeFileSync(join(dir, "appsettings.Production.json"), JSON.stringify(production));
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  return dir;
}

// Names from the "Supported events" table of Microsoft's event-based activation docs (Outlook).
const UNIFIED_EVENTS = ["newMessageComposeCreated", "newAppointmentOrganizerCreated", "messageAttachmentsChanged", "appointmentAttachmentsChanged", "messageRecipientsChanged", "appointmentAttendeesChanged", "appointmentTimeChanged", "appointmentRecurrenceChanged", "infoBarDismissClicked", "messageSending", "appointmentSending", "messageComposeOpened", "appointmentOrganizerOpened", "sensitivityLabelChanged", "messageFromChanged", "appointmentFromChanged", "messageReadWithCustomAttachment", "messageReadWithCustomHeader", "selectedMailItemsChanged"];
const XML_EVENTS = ["OnNewMessageCompose", "OnNewAppointmentOrganizer", "OnMessageAttachmentsChanged", "OnAppointmentAttachmentsChanged", "OnMessageRecipientsChanged", "OnAppointmentAttendeesChanged", "OnAppointmentTimeChanged", "OnAppointmentRecurrenceChanged", "OnInfoBarDismissClicked", "OnMessageSend", "OnAppointmentSend", "OnMessageCompose", "OnAppointmentOrganizer", "OnSensitivityLabelChanged", "OnMessageFromChanged", "OnAppointmentFromChanged", "OnMessageReadWithCustomAttachment", "OnMessageReadWithCustomHeader"];

/** The function names the event bundle really registers with Office.actions.associate. */
function associatedNames(): string[] {
  const names: string[] = [];
  const bundle = readFileSync(join(repo, "addin", "dist", "launchevent.js"), "utf8");
  vm.runInNewContext(bundle, { Office: { actions: { associate: (n: string) => names.push(n) } } });
  return names.sort();
}

beforeAll(async () => {
  pkg = await import(pathToFileURL(join(repo, "manifest", "package.mjs")).href);
  out = mkdtempSync(join(tmpdir(), "pa-manifest-"));
  botSettings = botContentRoot({ Bot: { AppId: BOT_ID } });
  pkg.generate(join(repo, "manifest", "config.json"), out, { botSettings, env: {} });
  manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
  xml = readFileSync(join(out, "manifest.xml"), "utf8");
  config = JSON.parse(readFileSync(join(repo, "manifest", "config.json"), "utf8"));
});

describe("unified manifest", () => {
  it("validates against the Teams 1.22 schema (offline, ajv draft-04)", () => {
    expect(existsSync(schemaPath)).toBe(true);
    const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
    const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const broken = JSON.parse(JSON.stringify(manifest));
    broken.extensions[0].autoRunEvents[0].events[0].options.sendMode = "hardBlock";
    expect(validate(broken)).toBe(false);
  });

  it("validates with office-addin-manifest's bundled schemas (no network)", async () => {
    const v = await validateManifest(join(out, "manifest.json"));
    expect(v.isValid, JSON.stringify(v.report)).toBe(true);
    const broken = JSON.parse(JSON.stringify(manifest));
    broken.bots[0].botId = "not-a-guid";
    const p = join(out, "broken.json");
    writeFileSync(p, JSON.stringify(broken));
    const vb = await validateManifest(p);
    expect(vb.isValid).toBe(false);
  });

  it("declares the bot and the add-in from the one set of values", () => {
    expect(manifest.id).toBe(config.appId);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.bots[0].scopes).toEqual(["personal"]);
    expect(manifest.version).toBe(config.version);
    expect(manifest.name.short).toBe(config.shortName);
    expect(JSON.stringify(manifest)).not.toContain("{{");
  });

  it("points every actionId at an action of a runtime, and every event at a real event name", () => {
    const ext = manifest.extensions[0];
    const actions = new Map<string, string>();
    for (const rt of ext.runtimes) for (const a of rt.actions) actions.set(a.id, a.type);
    const referenced: string[] = [];
    for (const rb of ext.ribbons) for (const tab of rb.tabs) for (const g of tab.groups) for (const c of g.controls) referenced.push(c.actionId);
    for (const ar of ext.autoRunEvents) for (const e of ar.events) {
      referenced.push(e.actionId);
      expect(UNIFIED_EVENTS, e.type).toContain(e.type);
    }
    for (const id of referenced) expect(actions.has(id), id).toBe(true);
    const send = ext.autoRunEvents[0].events.find((e: Json) => e.type === "messageSending");
    expect(send.options.sendMode).toBe("softBlock");
    expect(ext.autoRunEvents[0].events.map((e: Json) => e.type).sort()).toEqual(["messageAttachmentsChanged", "messageRecipientsChanged", "messageSending"]);
  });

  it("uses exactly the function names the bundle associates, with page and script", () => {
    const ext = manifest.extensions[0];
    const fnRuntime = ext.runtimes.find((r: Json) => r.actions.some((a: Json) => a.type === "executeFunction"));
    expect(fnRuntime.code.page).toMatch(/\/addin\/commands\.html$/);
    expect(fnRuntime.code.script).toMatch(/\/addin\/launchevent\.js$/);
    const fnIds = fnRuntime.actions.filter((a: Json) => a.type === "executeFunction").map((a: Json) => a.id).sort();
    expect(fnIds).toEqual(associatedNames());
  });

  it("has the Smart Alert command ids as ribbon controls of the right kind", () => {
    const controls = new Map<string, string>();
    const actionType = new Map<string, string>();
    const ext = manifest.extensions[0];
    for (const rt of ext.runtimes) for (const a of rt.actions) actionType.set(a.id, a.type);
    for (const rb of ext.ribbons) for (const tab of rb.tabs) for (const g of tab.groups) for (const c of g.controls) controls.set(c.id, actionType.get(c.actionId)!);
    expect(controls.get(COMMAND_MOVE_TO_BCC)).toBe("executeFunction");
    expect(controls.get(COMMAND_OPEN_PANE)).toBe("openPage");
  });

  it("keeps every URL the client loads on a valid domain", () => {
    const urls: string[] = [];
    const walk = (v: Json, key = "") => {
      if (typeof v === "string" && /^https:\/\//.test(v) && !["websiteUrl", "privacyUrl", "termsOfUseUrl", "$schema"].includes(key)) urls.push(v);
      else if (v && typeof v === "object") for (const k of Object.keys(v)) walk(v[k], k);
    };
    walk(manifest);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(manifest.validDomains, u).toContain(new URL(u).host);
  });

  it("declares alternate icons so the admin center can derive an add-in-only manifest", async () => {
    const { pngInfo } = await import(pathToFileURL(join(repo, "addin", "tools", "png.mjs")).href);
    const icons = manifest.extensions[0].alternates[0].alternateIcons;
    expect(icons.icon.url).toBe(`${config.hostUrl}/addin/assets/icon-64.png`);
    expect(icons.highResolutionIcon.url).toBe(`${config.hostUrl}/addin/assets/icon-128.png`);
    expect(pngInfo(readFileSync(join(repo, "addin", "dist", "assets", "icon-64.png")))).toMatchObject({ width: 64, height: 64 });
    expect(pngInfo(readFileSync(join(repo, "addin", "dist", "assets", "icon-128.png")))).toMatchObject({ width: 128, height: 128 });
  });

  it("points every add-in URL of both manifests at a file the build produces", () => {
    const urls = [...JSON.stringify(manifest).matchAll(/"(https:[^"]+)"/g), ...xml.matchAll(/"(https:[^"]+)"/g)]
      .map((m) => m[1])
      .filter((u) => u.startsWith(`${config.hostUrl}/addin/`));
    expect(urls.length).toBeGreaterThan(10);
    for (const u of new Set(urls)) expect(existsSync(join(repo, "addin", "dist", u.slice(`${config.hostUrl}/addin/`.length))), u).toBe(true);
  });

  it("localizes into English only keys that exist in the manifest", () => {
    const en = JSON.parse(readFileSync(join(out, "en-us.json"), "utf8"));
    for (const key of Object.keys(en).filter((k) => k !== "$schema")) {
      const value = key.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "").reduce((o: Json, p: string) => (o == null ? undefined : o[p]), manifest);
      expect(typeof value, key).toBe("string");
    }
    expect(manifest.localizationInfo.additionalLanguages[0].file).toBe("en-us.json");
  });

  it("ships icons of the right size: 192×192 colour, 32×32 white outline on transparent", async () => {
    const { pngInfo } = await import(pathToFileURL(join(repo, "addin", "tools", "png.mjs")).href);
    const color = readFileSync(join(out, "color.png"));
    const outline = readFileSync(join(out, "outline.png"));
    expect(pngInfo(color)).toMatchObject({ width: 192, height: 192, colorType: 6 });
    expect(pngInfo(outline)).toMatchObject({ width: 32, height: 32, colorType: 6 });
    // Outline icons may only use white and transparency.
    const idat = inflateSync(outline.subarray(outline.indexOf("IDAT") + 4, outline.indexOf("IEND") - 8));
    for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) {
      const o = y * 129 + 1 + x * 4;
      const [r, g, b, a] = [idat[o], idat[o + 1], idat[o + 2], idat[o + 3]];
      expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
    }
  });

  it("packs the app zip with the manifest, localization and icons at the root", () => {
    const zip = readFileSync(join(out, `privacy-assistant-${config.version}.zip`));
    const names: string[] = [];
    for (let i = zip.length - 22; i >= 0; i--) if (zip.readUInt32LE(i) === 0x06054b50) {
      let p = zip.readUInt32LE(i + 16);
      for (let k = 0; k < zip.readUInt16LE(i + 10); k++) {
        const len = zip.readUInt16LE(p + 28);
        names.push(zip.subarray(p + 46, p + 46 + len).toString("utf8"));
        p += 46 + len + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
      }
      break;
    }
    expect(names.sort()).toEqual(["color.png", "en-us.json", "manifest.json", "outline.png"]);
  });
});

describe("XML add-in-only manifest", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

  it("is well-formed and generated from the same values", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.OfficeApp.Id).toBe(config.appId);
    expect(doc.OfficeApp.Version).toBe(config.version + ".0");
    expect(xml).not.toContain("{{");
  });

  it("has a LaunchEvent with real event names and the function names the bundle associates", () => {
    const events = [...xml.matchAll(/<LaunchEvent Type="(\w+)" FunctionName="(\w+)"(?: SendMode="(\w+)")?/g)];
    expect(events.map((m) => m[1]).sort()).toEqual(["OnMessageAttachmentsChanged", "OnMessageRecipientsChanged", "OnMessageSend"]);
    for (const m of events) expect(XML_EVENTS).toContain(m[1]);
    expect(events.find((m) => m[1] === "OnMessageSend")![3]).toBe("SoftBlock");
    const fnNames = new Set([...events.map((m) => m[2]), ...[...xml.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1])]);
    expect([...fnNames].sort()).toEqual(associatedNames());
  });

  it("declares the command ids the Smart Alert uses, and every resid it references", () => {
    expect(xml).toContain(`<Control xsi:type="Button" id="${COMMAND_MOVE_TO_BCC}">`);
    expect(xml).toContain(`<Control xsi:type="Button" id="${COMMAND_OPEN_PANE}">`);
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const r of used) expect(defined.has(r), r).toBe(true);
    expect(xml).toMatch(/<Override type="javascript" resid="EventScript.Url"\/>/);
    // Everything the client loads comes from the host (the support link is the school's web site).
    for (const m of xml.matchAll(/<(?!SupportUrl)[\w:]+ (?:id="[^"]+" )?DefaultValue="(https:[^"]+)"/g)) expect(m[1].startsWith(config.hostUrl + "/addin/"), m[0]).toBe(true);
  });
});

describe("packaging command", () => {
  const configPath = () => join(repo, "manifest", "config.json");
  const botIdOf = (options: Json) => {
    const dir = mkdtempSync(join(tmpdir(), "pa-manifest-"));
    pkg.generate(configPath(), dir, options);
    return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).bots[0].botId;
  };

  it("refuses bad values and unknown placeholders", () => {
    const bad = join(out, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...config, botId: "123", hostUrl: "http://x/" }));
    expect(() => pkg.generate(bad, join(out, "x"), { botSettings, env: {} })).toThrow(/botId must be a GUID.*hostUrl must be https/);
    expect(() => pkg.fill("{{nope}}", {}, String)).toThrow(/unknown placeholder \{\{nope\}\}/);
  });

  it("reads the bot's configuration where the host keeps it", () => {
    // The real content root: appsettings.json has a Bot section (AppId empty = local mode).
    const setting = pkg.readBotSettings(botProject, "Production", {});
    expect(setting("Bot:MaxRequestBodyBytes")).toMatchObject({ source: "appsettings.json" });
    expect(setting("Bot:AppId")).toBeNull();
  });

  it("takes the bot id from the bot's configuration, in the host's order of precedence", () => {
    const other = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    expect(botIdOf({ botSettings, env: {} })).toBe(BOT_ID);
    // Environment variables win over appsettings.<environment>.json, keys are case-insensitive.
    expect(botIdOf({ botSettings, env: { BOT__APPID: other } })).toBe(other);
    // appsettings.Development.json applies only in that environment.
    const dev = botContentRoot(null, { "appsettings.Development.json": { Bot: { AppId: other } } });
    expect(botIdOf({ botSettings: dev, env: { ASPNETCORE_ENVIRONMENT: "Development" } })).toBe(other);
    expect(() => botIdOf({ botSettings: dev, env: {} })).toThrow(/no bot id: set Bot:AppId .*appsettings\.Production\.json.*Bot__AppId/);
    expect(botIdOf({ botSettings: dev, env: {}, botId: other.toUpperCase() })).toBe(other);
  });

  it("refuses a bot id that another part of the configuration contradicts", () => {
    const other = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    expect(() => botIdOf({ botSettings, env: {}, botId: other })).toThrow(/bot ids disagree: --bot-id says 9a8b.*Bot:AppId \(appsettings\.Production\.json\) says 3f2b/);
    const pinned = join(out, "pinned.json");
    writeFileSync(pinned, JSON.stringify({ ...config, botId: other }));
    expect(() => pkg.generate(pinned, join(out, "y"), { botSettings, env: {} })).toThrow(/botId in manifest config says 9a8b.*Bot:AppId/);
    // The add-in's "Lees meer" links must open a chat with the same bot.
    expect(() => botIdOf({ botSettings, env: { Addin__TeamsBotId: other } })).toThrow(/Addin:TeamsBotId \(environment variable Addin__TeamsBotId\) says 9a8b/);
    const policy = JSON.parse(readFileSync(join(repo, "knowledge", "addin-policy.json"), "utf8"));
    policy.knowledge.botId = other;
    const withPolicy = botContentRoot({ Bot: { AppId: BOT_ID } }, { "policy.json": JSON.stringify(policy) });
    expect(() => botIdOf({ botSettings: withPolicy, env: { Addin__PolicyPath: "policy.json" } })).toThrow(/knowledge\.botId in policy\.json says 9a8b/);
    expect(() => botIdOf({ botSettings, env: {}, botId: "00000000-0000-0000-0000-000000000000" })).toThrow(/must be the bot's Entra app id/);
  });
});
