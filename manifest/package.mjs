#!/usr/bin/env node
// Packaging command: generates the unified Microsoft 365 app manifest (bot + Outlook add-in), its
// English localization, the add-in-only XML manifest and the icons from ONE set of values
// (config.json), and zips the Teams/Microsoft 365 app package.
//   node manifest/package.mjs [--config manifest/config.json] [--out manifest/build] [--with-addin]
//                             [--bot-id GUID] [--bot-settings DIR] [--environment NAME]
// The bot id is the bot's own Bot:AppId, read the way the host reads it (appsettings.json,
// appsettings.<environment>.json, then Bot__AppId in the environment): a manifest that names another
// bot would install an app whose chat nobody answers. botId in config.json or --bot-id may pin it,
// but must then agree with the bot's configuration.
// --with-addin also builds the add-in with the policy URL of the configured host baked in.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deflateRawSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const { iconPng } = await import(pathToFileURL(join(here, "..", "addin", "tools", "png.mjs")).href);

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

/**
 * Reads configuration keys the way ASP.NET Core does for the host: appsettings.json, then
 * appsettings.<environment>.json (both in the content root), then environment variables with "__"
 * as the section separator; keys are case-insensitive. Returns a lookup and where each value came from.
 */
export function readBotSettings(contentRoot, environment, env) {
  const values = new Map();
  const flatten = (node, prefix, source) => {
    if (node && typeof node === "object" && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}:${k}` : k, source);
    } else if (prefix) {
      values.set(prefix.toLowerCase(), { value: node === null ? "" : String(node), source });
    }
  };
  for (const name of ["appsettings.json", `appsettings.${environment}.json`]) {
    const file = join(contentRoot, name);
    if (!existsSync(file)) continue;
    let json;
    try { json = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")); } catch (e) { throw new Error(`${file}: ${e.message}`); }
    flatten(json, "", name);
  }
  for (const [k, v] of Object.entries(env || {})) {
    if (k.includes("__") && v !== undefined) values.set(k.replace(/__/g, ":").toLowerCase(), { value: String(v), source: `environment variable ${k}` });
  }
  return (key) => {
    const hit = values.get(key.toLowerCase());
    return hit && hit.value.trim() !== "" ? { value: hit.value.trim(), source: hit.source } : null;
  };
}

/**
 * The bot id for the manifest: every place that names it must agree — --bot-id, config.json's botId,
 * the bot's Bot:AppId, Addin:TeamsBotId (the bot the add-in's "Lees meer" links open a chat with)
 * and a bot id fixed in the add-in policy.
 */
export function resolveBotId(config, options = {}) {
  const contentRoot = options.botSettings || join(here, "..", "bot", "PrivacyAssistant.Bot");
  const env = options.env || process.env;
  const environment = options.environment || env.ASPNETCORE_ENVIRONMENT || env.DOTNET_ENVIRONMENT || "Production";
  const setting = readBotSettings(contentRoot, environment, env);
  const claims = [];
  if (options.botId) claims.push({ value: options.botId, source: "--bot-id" });
  if (config.botId) claims.push({ value: config.botId, source: "botId in manifest config" });
  const appId = setting("Bot:AppId");
  if (appId) claims.push({ value: appId.value, source: `the bot's Bot:AppId (${appId.source})` });
  const teamsBotId = setting("Addin:TeamsBotId");
  if (teamsBotId) claims.push({ value: teamsBotId.value, source: `Addin:TeamsBotId (${teamsBotId.source})` });
  const policyPath = resolve(contentRoot, (setting("Addin:PolicyPath") || { value: "../../knowledge/addin-policy.json" }).value);
  if (existsSync(policyPath)) {
    try {
      const fixed = JSON.parse(readFileSync(policyPath, "utf8")).knowledge?.botId;
      if (fixed) claims.push({ value: fixed, source: `knowledge.botId in ${policyPath.split(/[\\/]/).pop()}` });
    } catch { /* the host validates the policy; an unreadable one names no bot */ }
  }
  if (claims.length === 0) {
    throw new Error(`no bot id: set Bot:AppId in the bot's configuration (appsettings.${environment}.json in ${contentRoot}, or the Bot__AppId environment variable), or pass --bot-id`);
  }
  for (const c of claims) {
    if (!GUID.test(c.value) || c.value === EMPTY_GUID) throw new Error(`the bot id from ${c.source} must be the bot's Entra app id (a GUID), not "${c.value}"`);
  }
  const first = claims[0];
  for (const c of claims.slice(1)) {
    if (c.value.toLowerCase() !== first.value.toLowerCase()) {
      throw new Error(`bot ids disagree: ${first.source} says ${first.value}, ${c.source} says ${c.value}`);
    }
  }
  return { botId: first.value.toLowerCase(), sources: claims.map((c) => c.source) };
}

export function loadConfig(path, options = {}) {
  const c = JSON.parse(readFileSync(path, "utf8"));
  const problems = [];
  if (!GUID.test(c.appId || "") || c.appId === EMPTY_GUID) problems.push("appId must be a GUID");
  if (c.botId && !GUID.test(c.botId)) problems.push("botId must be a GUID (or empty: the bot's Bot:AppId)");
  if (!/^https:\/\/[^/]+$/.test(c.hostUrl || "")) problems.push("hostUrl must be https://host (no path, no trailing slash)");
  if (!/^\d+\.\d+\.\d+$/.test(c.version || "")) problems.push("version must be x.y.z");
  for (const k of ["shortName", "fullName", "shortNameEn", "fullNameEn", "developerName"]) if (!c[k]) problems.push(`${k} is required`);
  if ((c.shortName || "").length > 30 || (c.shortNameEn || "").length > 30) problems.push("short names must be at most 30 characters");
  for (const k of ["websiteUrl", "privacyUrl", "termsOfUseUrl", "supportUrl"]) if (!/^https:\/\//.test(c[k] || "")) problems.push(`${k} must be an https URL`);
  if (!/^#[0-9a-fA-F]{6}$/.test(c.accentColor || "")) problems.push("accentColor must be #RRGGBB");
  if (problems.length) throw new Error(`${path}: ${problems.join("; ")}`);
  const bot = resolveBotId(c, options);
  return { ...c, botId: bot.botId, botIdSources: bot.sources.join(", "), hostDomain: new URL(c.hostUrl).host, version4: c.version + ".0" };
}

const escapeJson = (s) => JSON.stringify(String(s)).slice(1, -1);
const escapeXml = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Fills {{name}} placeholders; an unknown placeholder is an error, never left in the output. */
export function fill(template, values, escape) {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error(`unknown placeholder {{${k}}}`);
    return escape(values[k]);
  });
}

// Minimal zip writer (deflate), enough for an app package of a few files.
const CRC = new Int32Array(256).map((_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c; });
const crc32 = (b) => { let c = -1; for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ -1) >>> 0; };

export function zip(files) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBuf = Buffer.from(name, "utf8");
    const comp = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10); local.writeUInt32LE(crc, 14); local.writeUInt32LE(comp.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(0, 12); central.writeUInt32LE(crc, 16); central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBuf.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, comp);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** options: botId, botSettings (the host's content root), environment, env (environment variables). */
export function generate(configPath, outDir, options = {}) {
  const values = loadConfig(configPath, options);
  const t = (f) => readFileSync(join(here, "templates", f), "utf8");
  const manifest = fill(t("manifest.json"), values, escapeJson);
  const enUs = fill(t("en-us.json"), values, escapeJson);
  JSON.parse(manifest);
  JSON.parse(enUs);
  const xml = fill(t("manifest.xml"), values, escapeXml);
  const color = iconPng(192, "color");
  const outline = iconPng(32, "outline");
  mkdirSync(outDir, { recursive: true });
  const files = { "manifest.json": Buffer.from(manifest), "en-us.json": Buffer.from(enUs), "color.png": color, "outline.png": outline };
  for (const [name, data] of Object.entries(files)) writeFileSync(join(outDir, name), data);
  writeFileSync(join(outDir, "manifest.xml"), xml);
  const zipName = `privacy-assistant-${values.version}.zip`;
  writeFileSync(join(outDir, zipName), zip(files));
  return { outDir, zip: join(outDir, zipName), values };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
  const config = resolve(opt("--config", join(here, "config.json")));
  const out = resolve(opt("--out", join(here, "build")));
  const r = generate(config, out, { botId: opt("--bot-id"), botSettings: opt("--bot-settings") && resolve(opt("--bot-settings")), environment: opt("--environment") });
  if (args.includes("--with-addin")) {
    const addin = join(here, "..", "addin");
    execFileSync(process.execPath, [join(addin, "build.mjs")], { stdio: "inherit", env: { ...process.env, ADDIN_POLICY_URL: `${r.values.hostUrl}/addin/policy.json` } });
  }
  console.log(`Wrote ${r.outDir}: manifest.json, en-us.json, manifest.xml, color.png, outline.png and ${r.zip.split("/").pop()}`);
  console.log(`Bot id ${r.values.botId}, agreed by: ${r.values.botIdSources}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try { main(); } catch (e) { console.error(`package: ${e.message}`); process.exit(1); }
}
