import type { Assessment } from "./assess";
import { text } from "./messages";
import type { Lang } from "./policy";

/** What the client supports, from Office.context.requirements.isSetSupported("Mailbox", …). */
export interface AlertCapabilities {
  mailbox114: boolean; // cancelLabel, commandId (task pane), sendModeOverride, contextData
  mailbox115: boolean; // commandId for a function command, errorMessageMarkdown
}

/** Ids in the manifests (unified: controls[].id; XML: Control id). */
export const COMMAND_MOVE_TO_BCC = "moveToBccButton";
export const COMMAND_OPEN_PANE = "privacyCheckButton";

export interface SendDecision {
  allowEvent: boolean;
  errorMessage?: string;
  errorMessageMarkdown?: string;
  cancelLabel?: string;
  commandId?: string;
  contextData?: string;
  sendModeOverride?: "promptUser";
}

export const MAX_MESSAGE = 500;
export const MAX_LABEL = 20;

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  return s.slice(0, max - 1).replace(/\s+\S*$/, "") + "…";
}

function escapeMd(s: string): string {
  return s.replace(/([\\*_\[\]()#`>])/g, "\\$1");
}

/**
 * Turns an assessment into the options for event.completed. Only warnings and high findings alert;
 * "not checked" attachments are shown in the task pane, not at send time. Exposed recipients keep
 * the manifest's soft block (the fix is one click); other findings are advice, so the user may send
 * anyway (promptUser on Mailbox 1.14+, otherwise a repeated Send with the same draft passes).
 */
export function decideSend(a: Assessment, caps: AlertCapabilities, lang: Lang, acknowledged: boolean): SendDecision {
  const alerts = a.findings.filter((f) => f.severity !== "info");
  if (alerts.length === 0) return { allowEvent: true };
  const t = text[lang];
  const exposed = alerts.some((f) => f.kind === "exposed-recipients");
  if (!exposed && acknowledged && !caps.mailbox114) return { allowEvent: true };
  const shown = alerts.slice(0, 2);
  const rest = alerts.length - shown.length;
  const plain: string[] = shown.map((f) => (exposed && f.kind === "exposed-recipients" && !caps.mailbox114 ? f.message.replace(t.exposedFix, t.exposedManual) : f.message));
  if (rest > 0) plain.push(t.more(rest));
  const d: SendDecision = { allowEvent: false, errorMessage: clip(plain.join("\n\n"), MAX_MESSAGE) };
  if (caps.mailbox115) {
    const md: string[] = shown.map((f, i) => {
      const body = escapeMd(plain[i]);
      return f.knowledgeUrl ? `${body} [${t.readMore}](${f.knowledgeUrl})` : body;
    });
    if (rest > 0) md.push(escapeMd(t.more(rest)));
    let joined = md.join("\n\n");
    if (joined.length > MAX_MESSAGE) joined = md.map((m, i) => (i < shown.length ? escapeMd(plain[i]) : m)).join("\n\n");
    d.errorMessageMarkdown = clip(joined, MAX_MESSAGE);
  }
  if (caps.mailbox114) {
    if (exposed && caps.mailbox115) {
      d.cancelLabel = clip(t.cancelLabel, MAX_LABEL);
      d.commandId = COMMAND_MOVE_TO_BCC;
      d.contextData = JSON.stringify({ action: "move-to-bcc" });
    } else {
      d.cancelLabel = clip(t.openCheck, MAX_LABEL);
      d.commandId = COMMAND_OPEN_PANE;
      d.contextData = JSON.stringify({ action: exposed ? "move-to-bcc" : "review" });
    }
    if (!exposed) d.sendModeOverride = "promptUser";
  }
  return d;
}
