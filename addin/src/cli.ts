// Command line for admins tuning the policy and for tests: runs the same assessment as the add-in.
//   node dist/cli.mjs --from me@school.nl --to a@gmail.com,b@ziggo.nl --attach "3B cijfers.xlsx" [--policy p.json]
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { assess } from "./core/assess";
import { decideSend } from "./core/alert";
import { scanAttachment } from "./core/attachments";
import { Budget } from "./core/content/budget";
import { languageOf } from "./core/messages";
import { defaultPolicy, parsePolicy, type Policy } from "./core/policy";
import type { Recipient } from "./core/types";

const USAGE = `Usage: privacycheck [--from ADDRESS] [--to LIST] [--cc LIST] [--bcc LIST]
                    [--attach FILE]... [--body-file FILE] [--policy FILE] [--lang nl|en]
LIST is comma-separated e-mail addresses. Prints JSON with a "findings" array.`;

interface Args { from: string; to: string[]; cc: string[]; bcc: string[]; attach: string[]; body?: string; policy?: string; lang: string }

function parseArgs(argv: string[]): Args {
  const a: Args = { from: "", to: [], cc: [], bcc: [], attach: [], lang: "nl" };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const eq = k.indexOf("=");
    const key = eq > 0 ? k.slice(0, eq) : k;
    const value = () => {
      if (eq > 0) return k.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${key} needs a value`);
      return v;
    };
    const list = (v: string) => v.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
    switch (key) {
      case "--from": a.from = value(); break;
      case "--to": a.to.push(...list(value())); break;
      case "--cc": a.cc.push(...list(value())); break;
      case "--bcc": a.bcc.push(...list(value())); break;
      case "--attach": a.attach.push(value()); break;
      case "--body-file": a.body = value(); break;
      case "--policy": a.policy = value(); break;
      case "--lang": a.lang = value(); break;
      case "-h": case "--help": process.stdout.write(USAGE + "\n"); process.exit(0); break;
      default: throw new Error(`unknown option ${k}`);
    }
  }
  return a;
}

const rec = (emailAddress: string): Recipient => ({ displayName: "", emailAddress });

function main(): number {
  let args: Args;
  let policy: Policy;
  try {
    args = parseArgs(process.argv.slice(2));
    policy = args.policy ? parsePolicy(JSON.parse(readFileSync(args.policy, "utf8"))) : defaultPolicy();
  } catch (e) {
    process.stderr.write(`privacycheck: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const lang = languageOf(args.lang);
  const started = Date.now();
  const scans = args.attach.map((file) => {
    let content: Uint8Array | null = null;
    let size = 0;
    try {
      size = statSync(file).size;
      content = size <= policy.attachments.maxScanBytes ? new Uint8Array(readFileSync(file)) : null;
    } catch {
      content = null;
    }
    const scan = scanAttachment({ name: basename(file), size, content }, policy, new Budget(policy.attachments.scanBudgetMs));
    return size > policy.attachments.maxScanBytes ? { ...scan, reason: "too-large" as const } : scan;
  });
  let body = "";
  if (args.body) {
    try { body = readFileSync(args.body, "utf8"); } catch (e) { process.stderr.write(`privacycheck: cannot read ${args.body}: ${(e as Error).message}\n`); return 2; }
  }
  const a = assess({ recipients: { to: args.to.map(rec), cc: args.cc.map(rec), bcc: args.bcc.map(rec) }, sender: args.from, body, scans, policy, lang });
  const decision = decideSend(a, { mailbox114: true, mailbox115: true }, lang, false);
  const out = {
    findings: a.findings,
    recipients: a.recipients.counts,
    attachments: scans.map((s) => ({ name: s.name, status: s.status, reason: s.reason, namePatterns: s.namePatterns.length, signals: s.signals })),
    smartAlert: decision,
    elapsedMs: Date.now() - started,
  };
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  return 0;
}

process.exit(main());
