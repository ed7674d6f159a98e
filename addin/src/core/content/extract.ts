import { Budget, ScanAborted } from "./budget";
import { decodeText, head } from "./bytes";
import { parseDelimited, sniffDelimiter } from "./delimited";
import { extractHtml, looksLikeHtml } from "./html";
import type { ExtractResult, Table } from "./model";
import { extractDocx, extractPptx, extractXlsx } from "./ooxml";
import { extractPdf } from "./pdf";

export interface ExtractLimits {
  maxScanBytes: number;
  maxExtractedChars: number;
}

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim());
  return m ? m[1].toLowerCase() : "";
}

/**
 * Caps that keep memory and time bounded in Outlook's runtimes: XML/PDF content inflated from one
 * file, and spreadsheet cells read. A class list is a few thousand cells; a file past a cap is
 * read up to it, and reported "not checked" unless what was read already shows student data.
 */
export const MAX_INFLATED_BYTES = 48 << 20;
export const MAX_CELLS = 300000;

const TEXT_FORMATS = ["csv", "txt", "tsv", "tab", "text", "md", "json", "xml", "html", "htm", "ics", "vcf", "eml"];
const IMAGE_FORMATS = ["jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "heic", "webp", "svg"];
const OOXML_FORMATS = ["docx", "docm", "dotx", "xlsx", "xlsm", "xltx", "pptx", "pptm", "ppsx"];
/** Extensions whose files we read as delimited text when they turn out to be text (exports named .xls). */
const DELIMITED_FORMATS = ["csv", "tsv", "tab", "txt", "", "xls", "dat"];
const MAX_TABLE_ROWS = 200000;

/** A picture by its name (what Outlook puts in the body as an inline image). */
export function isImageName(name: string): boolean {
  return IMAGE_FORMATS.indexOf(extensionOf(name)) >= 0;
}

/** Reads what can be read from an attachment. Never throws: failures become { ok: false, reason }. */
export function extract(name: string, data: Uint8Array, limits: ExtractLimits, budget: Budget): ExtractResult {
  const ext = extensionOf(name);
  const sig = head(data, 8);
  const format = ext || "unknown";
  try {
    if (data.length > limits.maxScanBytes) throw new ScanAborted("too-large");
    if (sig.slice(0, 4) === "\xD0\xCF\x11\xE0") {
      // OLE container: a password-protected OOXML file or a legacy .doc/.xls we do not parse.
      throw new ScanAborted(ext === "docx" || ext === "xlsx" || ext === "pptx" ? "encrypted" : "unsupported-format");
    }
    const maxInflated = Math.min(limits.maxScanBytes * 4, MAX_INFLATED_BYTES);
    if (sig.slice(0, 2) === "PK") {
      if (ext === "docx" || ext === "docm" || ext === "dotx") return { ok: true, format, content: extractDocx(data, maxInflated, budget) };
      if (ext === "xlsx" || ext === "xlsm" || ext === "xltx") return { ok: true, format, content: extractXlsx(data, maxInflated, budget, MAX_CELLS) };
      if (ext === "pptx" || ext === "pptm" || ext === "ppsx") return { ok: true, format, content: extractPptx(data, maxInflated, budget) };
      throw new ScanAborted("unsupported-format"); // .zip and others: contents not checked
    }
    // Readers accept a PDF header anywhere in the first kilobyte.
    if (sig.slice(0, 5) === "%PDF-" || (ext === "pdf" && head(data, 1024).indexOf("%PDF-") >= 0)) {
      const content = extractPdf(data, maxInflated, budget, limits.maxExtractedChars);
      if (readableLetters(content.text) < 20) throw new ScanAborted("no-text"); // a scan or image-only PDF
      return { ok: true, format: "pdf", content };
    }
    if (IMAGE_FORMATS.indexOf(ext) >= 0) throw new ScanAborted("no-text");
    // A Word/Excel/PowerPoint/PDF name on bytes of another kind: damaged, never "unsupported".
    if (OOXML_FORMATS.indexOf(ext) >= 0 || ext === "pdf") throw new ScanAborted("corrupt");
    // RTF is text full of control words; reading it raw could miss names and call the file clean.
    if (ext === "rtf") throw new ScanAborted("unsupported-format");
    // Text under any other name: school systems export "Excel" files that are HTML tables or
    // tab-separated text named .xls; a legacy binary .xls or .doc is not text and stays unsupported.
    if (TEXT_FORMATS.indexOf(ext) >= 0 || looksLikeText(data)) {
      const decoded = decodeText(data);
      if (ext !== "xml" && looksLikeHtml(decoded)) {
        return { ok: true, format, content: extractHtml(decoded, limits.maxExtractedChars, MAX_TABLE_ROWS, budget) };
      }
      let text = decoded;
      let truncated = false;
      if (text.length > limits.maxExtractedChars) { text = text.slice(0, limits.maxExtractedChars); truncated = true; }
      const tables: Table[] = [];
      const d = sniffDelimiter(text);
      if (d && (DELIMITED_FORMATS.indexOf(ext) >= 0 || TEXT_FORMATS.indexOf(ext) < 0)) {
        const parsed = parseDelimited(text, d, MAX_TABLE_ROWS);
        tables.push(parsed.rows);
        truncated = truncated || parsed.truncated;
      }
      return { ok: true, format, content: { text, tables, truncated } };
    }
    throw new ScanAborted("unsupported-format");
  } catch (e) {
    if (e instanceof ScanAborted) return { ok: false, format, reason: e.reason };
    return { ok: false, format, reason: "corrupt" };
  }
}

function readableLetters(s: string): number {
  const m = s.match(/[A-Za-zÀ-ÿ]{3,}/g);
  return m ? m.join("").length : 0;
}

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0 || (b[i] < 9 && b[i] !== 0)) bad++;
  return n > 0 && bad / n < 0.01;
}
