// HTML attachments, and the "Excel" exports of school systems that are really an HTML table saved
// as .xls. Read with plain string scanning: the event runtime of classic Outlook has no DOM.
import { Budget, ScanAborted } from "./budget";
import type { Extracted, Table } from "./model";
import { decodeEntities } from "./xml";

const BLOCK = /^(?:p|div|br|tr|li|h[1-6]|table|section|article|header|footer|blockquote|pre|ul|ol|dt|dd|hr)$/;

/** True when decoded text is an HTML document or fragment rather than plain or delimited text. */
export function looksLikeHtml(text: string): boolean {
  const start = text.slice(0, 2048).replace(/^[\uFEFF\s]+/, "").toLowerCase();
  return /^<(?:!doctype html|html|head|body|table|meta|\?xml[^>]*>\s*<html)/.test(start) || (start.charAt(0) === "<" && /<table[\s>]/.test(text.slice(0, 65536).toLowerCase()));
}

// Named entities HTML exports use beyond XML's five (Dutch names: Zo&euml;, Ren&eacute;e).
const HTML_ENTITIES: Record<string, string> = {
  nbsp: " ", euml: "ë", eacute: "é", egrave: "è", ecirc: "ê", iuml: "ï", ouml: "ö", uuml: "ü", auml: "ä", aacute: "á",
  agrave: "à", oacute: "ó", uacute: "ú", iacute: "í", ccedil: "ç", ntilde: "ñ", Euml: "Ë", Eacute: "É", Ouml: "Ö",
  Uuml: "Ü", Iuml: "Ï", szlig: "ß", euro: "€", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", ndash: "–", mdash: "—", hellip: "…",
};

function decodeHtml(s: string): string {
  return decodeEntities(s.replace(/&([A-Za-z]+);/g, (m, e: string) => (HTML_ENTITIES[e] !== undefined ? HTML_ENTITIES[e] : m)));
}

function cellText(html: string): string {
  return decodeHtml(html.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}

/**
 * Visible text (tags removed, block elements as line breaks, script/style dropped) and every table
 * as rows of cells. Rows past maxRows or characters past maxChars are cut off and marked truncated.
 */
export function extractHtml(html: string, maxChars: number, maxRows: number, budget: Budget): Extracted {
  const body = html.replace(/<!--[\s\S]*?-->/g, " ").replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ");
  let truncated = false;

  const tables: Table[] = [];
  let rowsRead = 0;
  const tableRe = /<table\b[^>]*>([\s\S]*?)<\/table\s*>/gi;
  let t: RegExpExecArray | null;
  while ((t = tableRe.exec(body)) !== null && !truncated) {
    const table: Table = [];
    const rowRe = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table|$)/gi;
    let r: RegExpExecArray | null;
    while ((r = rowRe.exec(t[1])) !== null) {
      if (rowsRead >= maxRows) { truncated = true; break; }
      if ((rowsRead & 1023) === 0 && budget.expired) throw new ScanAborted("timeout");
      const cells: string[] = [];
      const cellRe = /<t[dh]\b[^>]*>([\s\S]*?)(?=<t[dh]\b|<\/tr|$)/gi;
      let c: RegExpExecArray | null;
      while ((c = cellRe.exec(r[1])) !== null) cells.push(cellText(c[1].replace(/<\/t[dh]\s*>[\s\S]*$/i, "")));
      if (cells.some((x) => x !== "")) { table.push(cells); rowsRead++; }
    }
    if (table.length) tables.push(table);
  }

  let text = body.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, (_m, tag: string) => {
    const name = tag.toLowerCase();
    if (BLOCK.test(name)) return "\n";
    return name === "td" || name === "th" ? "\t" : "";
  });
  text = decodeHtml(text).replace(/[ \t\u00a0]+\n/g, "\n").replace(/\n{3,}/g, "\n\n");
  if (text.length > maxChars) { text = text.slice(0, maxChars); truncated = true; }
  return { text, tables, truncated };
}
