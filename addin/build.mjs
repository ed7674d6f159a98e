// Builds the add-in: one ES2016 bundle for the event runtime (classic Outlook's JavaScript-only
// runtime cannot take native async/await), the task pane, the CLI and the benchmark.
// ADDIN_POLICY_URL (optional) bakes the policy URL into the event bundle for the JS-only runtime,
// which has no page location; the packaging command sets it from manifest/config.json. Otherwise
// the host fills it in when it serves the file.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { iconPng } from "./tools/png.mjs";

const root = dirname(fileURLToPath(import.meta.url));
const out = process.env.ADDIN_OUT_DIR || join(root, "dist");
const policyUrl = process.env.ADDIN_POLICY_URL || "";
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "assets"), { recursive: true });

const common = { bundle: true, minify: false, sourcemap: false, legalComments: "none", logLevel: "warning" };
// Without ADDIN_POLICY_URL the bundle carries a marker that the bot host replaces with its own
// /addin/policy.json URL when it serves launchevent.js (see MapAddin).
export const POLICY_URL_MARKER = "%%PA_POLICY_URL%%";
const define = { __PA_POLICY_URL__: JSON.stringify(policyUrl || POLICY_URL_MARKER) };
await build({ ...common, entryPoints: [join(root, "src/launchevent.ts")], outfile: join(out, "launchevent.js"), format: "iife", target: "es2016", platform: "neutral", mainFields: ["module", "main"], define });
await build({ ...common, entryPoints: [join(root, "src/taskpane/taskpane.ts")], outfile: join(out, "taskpane.js"), format: "iife", target: "es2016", platform: "browser", define });
await build({ ...common, entryPoints: [join(root, "src/cli.ts")], outfile: join(out, "cli.mjs"), format: "esm", platform: "node", target: "node20", banner: { js: "#!/usr/bin/env node" } });
await build({ ...common, entryPoints: [join(root, "bench/bench.ts")], outfile: join(out, "bench.mjs"), format: "esm", platform: "node", target: "node20" });
for (const f of ["taskpane/taskpane.html", "taskpane/taskpane.css", "commands.html"]) cpSync(join(root, "src", f), join(out, f.split("/").pop()));
for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(out, "assets", `icon-${size}.png`), iconPng(size, "color"));
console.log(`add-in built into ${out}${policyUrl ? ` (policy ${policyUrl})` : ""}`);
