// The "Privacycheck" task pane: shows the assessment of the current draft on demand and offers the
// move-to-Bcc fix. It runs the same pure assessment as the send handler, with more time to scan.
import type { Assessment } from "../core/assess";
import { text } from "../core/messages";
import type { Lang } from "../core/policy";
import { assessDraft, displayLanguage, moveExposedToBcc } from "../office/handlers";
import { currentPolicy, refreshPolicy } from "../office/policySource";

/* eslint-disable @typescript-eslint/no-explicit-any */
const UI = {
  nl: {
    intro: "De add-in controleert ontvangers en bijlagen van deze concept-mail. Alles gebeurt op je eigen computer.",
    recheck: "Opnieuw controleren", move: "Externe adressen naar BCC", checking: "Bezig met controleren…",
    ok: "Geen privacyrisico’s gevonden.", some: (n: number) => `${n} ${n === 1 ? "bevinding" : "bevindingen"}.`,
    failed: "De controle is mislukt. Je kunt de mail gewoon versturen; controleer zelf ontvangers en bijlagen.",
    findings: "Bevindingen", recipients: "Zichtbare ontvangers", readMore: "Lees meer",
    sev: { high: "Let op", warning: "Advies", info: "Info" } as Record<string, string>,
    labels: { visible: "Aan/CC totaal", school: "Collega’s", private: "Privéadressen", external: "Extern", partner: "Vaste partners", groups: "Contactgroepen", bcc: "BCC" } as Record<string, string>,
  },
  en: {
    intro: "The add-in checks the recipients and attachments of this draft. Everything happens on your own computer.",
    recheck: "Check again", move: "Move outside addresses to Bcc", checking: "Checking…",
    ok: "No privacy risks found.", some: (n: number) => `${n} ${n === 1 ? "finding" : "findings"}.`,
    failed: "The check failed. You can still send the mail; check the recipients and attachments yourself.",
    findings: "Findings", recipients: "Visible recipients", readMore: "Read more",
    sev: { high: "Warning", warning: "Advice", info: "Info" } as Record<string, string>,
    labels: { visible: "To/Cc total", school: "Colleagues", private: "Private addresses", external: "External", partner: "Trusted partners", groups: "Contact groups", bcc: "Bcc" } as Record<string, string>,
  },
};

function el(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

function setStatus(msg: string, ok: boolean): void {
  const s = el("status");
  s.textContent = msg;
  s.className = ok ? "ok" : "";
}

export function render(a: Assessment, lang: Lang): void {
  const u = UI[lang];
  const list = el("findings");
  list.textContent = "";
  for (const f of a.findings) {
    const li = document.createElement("li");
    li.className = f.severity;
    li.setAttribute("data-kind", f.kind);
    const sev = document.createElement("span");
    sev.className = "sev";
    sev.textContent = u.sev[f.severity];
    li.appendChild(sev);
    li.appendChild(document.createTextNode(f.message + " "));
    if (f.knowledgeUrl) {
      const link = document.createElement("a");
      link.href = f.knowledgeUrl;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = u.readMore;
      li.appendChild(link);
    }
    list.appendChild(li);
  }
  setStatus(a.findings.length ? u.some(a.findings.length) : u.ok, a.findings.length === 0);
  const dl = el("recipients");
  dl.textContent = "";
  const c = a.recipients.counts as unknown as Record<string, number>;
  for (const k of ["visible", "school", "private", "external", "partner", "groups", "bcc"]) {
    const dt = document.createElement("dt");
    dt.textContent = u.labels[k];
    const dd = document.createElement("dd");
    dd.textContent = String(c[k] || 0);
    dl.appendChild(dt);
    dl.appendChild(dd);
  }
  el("moveToBcc").hidden = a.recipients.exposed.length === 0;
}

async function run(lang: Lang): Promise<void> {
  setStatus(UI[lang].checking, false);
  try {
    const policy = await refreshPolicy(Office, 3000);
    render(await assessDraft(policy, lang, 15000, true), lang);
  } catch {
    setStatus(UI[lang].failed, false);
  }
}

function init(): void {
  const lang = displayLanguage();
  const u = UI[lang];
  document.documentElement.lang = lang;
  el("intro").textContent = u.intro;
  el("recheck").textContent = u.recheck;
  el("moveToBcc").textContent = u.move;
  el("findingsTitle").textContent = u.findings;
  el("recipientsTitle").textContent = u.recipients;
  el("recheck").addEventListener("click", () => void run(lang));
  el("moveToBcc").addEventListener("click", () => {
    moveExposedToBcc(currentPolicy(Office).policy)
      .then((r) => run(lang).then(() => setStatus(text[lang].moved(r.moved) + (r.groupsLeft.length > 0 ? " " + text[lang].groupsLeft(r.groupsLeft) : ""), true)))
      .catch(() => setStatus(u.failed, false));
  });
  void run(lang).then(() => focusFromSmartAlert());
}

/** Opened from the Smart Alert's button (Mailbox 1.14): contextData says which fix to offer first. */
function focusFromSmartAlert(): void {
  const it = office && office.context && office.context.mailbox ? office.context.mailbox.item : null;
  if (!it || typeof it.getInitializationContextAsync !== "function") return;
  it.getInitializationContextAsync((r: { status: string; value?: string }) => {
    try {
      const ctx = r.status === "succeeded" && r.value ? JSON.parse(r.value) : null;
      const button = el("moveToBcc");
      if (ctx && ctx.action === "move-to-bcc" && !button.hidden) button.focus();
    } catch {
      // No or malformed context: nothing to focus.
    }
  });
}

const office: any = typeof Office !== "undefined" ? Office : null;
if (office && typeof office.onReady === "function") office.onReady(() => init());
