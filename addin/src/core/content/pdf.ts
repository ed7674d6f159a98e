// A bounded text extractor for PDFs: finds content streams (uncompressed or FlateDecode), reads the
// strings shown by the text operators and maps them through the font's ToUnicode CMap when there is
// one. Scans, images and exotic encodings yield little readable text and are reported "not checked".
import { unzlibSync, inflateSync } from "fflate";
import { Budget, check, ScanAborted } from "./budget";
import { binaryString, head } from "./bytes";
import type { Extracted } from "./model";

interface PdfStream { id: string; dict: string; data: Uint8Array }

interface Scan { streams: PdfStream[]; skeleton: string }

function latin1(b: Uint8Array, from: number, to: number): string {
  return binaryString(b.subarray(from, to));
}

function indexOf(b: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  const n = needle.length;
  outer: for (let i = from; i <= b.length - n; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < n; k++) if (b[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/**
 * Walks the file's streams. Returns the decoded streams worth reading and the "skeleton": the file
 * without stream data (object dictionaries, fonts, resources), which stays small even when the
 * file holds megabytes of images.
 */
function scanStreams(b: Uint8Array, budget: Budget, maxInflated: number, maxCount: number): Scan {
  const out: PdfStream[] = [];
  const parts: string[] = [];
  let pos = 0;
  let inflated = 0;
  for (;;) {
    if ((out.length & 15) === 0) check(budget);
    const s = indexOf(b, "stream", pos);
    if (s < 0) break;
    parts.push(latin1(b, pos, s));
    // The dictionary ends right before "stream"; look back for its "<<" (bounded window).
    const dictStart = Math.max(0, s - 2048);
    const before = latin1(b, dictStart, s);
    const open = before.lastIndexOf("obj");
    const dict = open >= 0 ? before.slice(open + 3) : before;
    const idMatch = open >= 0 ? /(\d+)\s+\d+\s+$/.exec(before.slice(Math.max(0, open - 24), open)) : null;
    const id = idMatch ? idMatch[1] : "";
    let dataStart = s + 6;
    if (b[dataStart] === 0x0d) dataStart++;
    if (b[dataStart] === 0x0a) dataStart++;
    // Trust a direct /Length when "endstream" follows it: no byte-by-byte search through images.
    let end = -1;
    const lenMatch = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (lenMatch) {
      const len = parseInt(lenMatch[1], 10);
      const after = dataStart + len;
      if (after <= b.length && indexOf(b.subarray(after, Math.min(b.length, after + 32)), "endstream", 0) >= 0) end = after;
    }
    if (end < 0) {
      end = indexOf(b, "endstream", dataStart);
      if (end < 0) break;
    }
    pos = end + 9; // past "endstream"
    parts.push(" endstream");
    if (/\/Subtype\s*\/Image|\/Type\s*\/XRef|\/Type\s*\/ObjStm|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)|\/Length1/.test(dict)) continue;
    let data = b.subarray(dataStart, end);
    if (/\/Filter\s*(?:\[\s*)?\/FlateDecode\s*\]?/.test(dict)) {
      if (/\/DecodeParms|\/Predictor/.test(dict) && !/\/Predictor\s+1\b/.test(dict)) continue;
      try { data = unzlibSync(data); } catch { try { data = inflateSync(data); } catch { continue; } }
      inflated += data.length;
      if (inflated > maxInflated) throw new ScanAborted("too-large");
    } else if (/\/Filter/.test(dict)) {
      continue; // DCT, JBIG2, LZW...: images or encodings we do not read
    }
    out.push({ id, dict, data });
    if (out.length >= maxCount) break;
  }
  if (pos < b.length && out.length < maxCount) parts.push(latin1(b, pos, Math.min(b.length, pos + (4 << 20))));
  return { streams: out, skeleton: parts.join("") };
}

/** Maps character codes to text through a ToUnicode CMap (bfchar and bfrange). */
export interface CMap { bytes: number; map: Record<number, string> }

function hexToString(hex: string): string {
  let s = "";
  for (let i = 0; i + 3 < hex.length + 1; i += 4) {
    const code = parseInt(hex.substr(i, 4), 16);
    if (isFinite(code)) s += String.fromCharCode(code);
  }
  return s;
}

export function parseCMap(text: string): CMap | null {
  if (text.indexOf("beginbfchar") < 0 && text.indexOf("beginbfrange") < 0) return null;
  const map: Record<number, string> = {};
  let bytes = 1;
  const cs = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*endcodespacerange/.exec(text);
  if (cs) bytes = Math.max(1, Math.ceil(cs[1].length / 2));
  const blocks = /beginbfchar([\s\S]*?)endbfchar/g;
  let m: RegExpExecArray | null;
  while ((m = blocks.exec(text)) !== null) {
    const pair = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g;
    let p: RegExpExecArray | null;
    while ((p = pair.exec(m[1])) !== null) {
      map[parseInt(p[1], 16)] = hexToString(p[2]);
      bytes = Math.max(bytes, Math.ceil(p[1].length / 2));
    }
  }
  const ranges = /beginbfrange([\s\S]*?)endbfrange/g;
  while ((m = ranges.exec(text)) !== null) {
    const tri = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]*)>|\[([^\]]*)\])/g;
    let t: RegExpExecArray | null;
    while ((t = tri.exec(m[1])) !== null) {
      const lo = parseInt(t[1], 16);
      const hi = Math.min(parseInt(t[2], 16), lo + 65535);
      bytes = Math.max(bytes, Math.ceil(t[1].length / 2));
      if (t[4] !== undefined) {
        const base = hexToString(t[4]);
        const last = base.length ? base.charCodeAt(base.length - 1) : 0;
        for (let c = lo; c <= hi; c++) map[c] = base.slice(0, -1) + String.fromCharCode(last + (c - lo));
      } else if (t[5] !== undefined) {
        const items = t[5].match(/<([0-9a-fA-F]*)>/g) || [];
        for (let k = 0; k < items.length && lo + k <= hi; k++) map[lo + k] = hexToString(items[k].slice(1, -1));
      }
    }
  }
  return { bytes, map };
}

function unescapeLiteral(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_m, e: string) => {
    switch (e) {
      case "n": return "\n";
      case "r": return "\r";
      case "t": return "\t";
      case "b": return "\b";
      case "f": return "\f";
      case "(": return "(";
      case ")": return ")";
      case "\\": return "\\";
      default: return /^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8) & 0xff) : "";
    }
  });
}

function decodeShown(raw: string, cmap: CMap | null): string {
  if (!cmap) return raw;
  let out = "";
  for (let i = 0; i + cmap.bytes <= raw.length; i += cmap.bytes) {
    let code = 0;
    for (let k = 0; k < cmap.bytes; k++) code = (code << 8) | (raw.charCodeAt(i + k) & 0xff);
    const u = cmap.map[code];
    out += u !== undefined ? u : "";
  }
  return out;
}

function hexBytes(hex: string): string {
  const h = hex.replace(/[^0-9a-fA-F]/g, "");
  let s = "";
  for (let i = 0; i < h.length; i += 2) s += String.fromCharCode(parseInt(i + 1 < h.length ? h.substr(i, 2) : h.charAt(i) + "0", 16) || 0);
  return s;
}

function isWhite(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0;
}

function isDelim(c: number): boolean {
  return isWhite(c) || c === 40 || c === 41 || c === 60 || c === 62 || c === 91 || c === 93 || c === 47 || c === 37 || c === 123 || c === 125;
}

/**
 * Reads the text of one content stream with a small tokenizer: strings shown by Tj/TJ/'/", font
 * selection by Tf (to pick the ToUnicode CMap), and line moves (Td, T*, Tm) as spaces/new lines.
 */
export function contentText(src: string, cmaps: Record<string, CMap>, maxChars: number): string {
  let out = "";
  let font: CMap | null = null;
  let lastName = "";
  const nums: number[] = [];
  let y = 0;
  const n = src.length;
  let i = 0;
  while (i < n && out.length < maxChars) {
    const c = src.charCodeAt(i);
    if (isWhite(c)) { i++; continue; }
    if (c === 37) { const e = src.indexOf("\n", i); i = e < 0 ? n : e + 1; continue; } // % comment
    if (c === 40) { // ( literal string )
      let depth = 1;
      let j = i + 1;
      while (j < n && depth > 0) {
        const d = src.charCodeAt(j);
        if (d === 92) { j += 2; continue; }
        if (d === 40) depth++;
        else if (d === 41) depth--;
        j++;
      }
      out += decodeShown(unescapeLiteral(src.slice(i + 1, j - 1)), font);
      i = j;
      continue;
    }
    if (c === 60) { // <hex> or << dict
      if (src.charCodeAt(i + 1) === 60) { i += 2; continue; }
      const e = src.indexOf(">", i);
      if (e < 0) break;
      out += decodeShown(hexBytes(src.slice(i + 1, e)), font);
      i = e + 1;
      continue;
    }
    if (c === 47) { // /Name
      let j = i + 1;
      while (j < n && !isDelim(src.charCodeAt(j))) j++;
      lastName = src.slice(i + 1, j);
      i = j;
      continue;
    }
    if (c === 91 || c === 93 || c === 62 || c === 41 || c === 123 || c === 125) { i++; continue; }
    // A number or an operator.
    let j = i;
    while (j < n && !isDelim(src.charCodeAt(j))) j++;
    const tok = src.slice(i, j);
    i = j;
    const first = tok.charCodeAt(0);
    if ((first >= 48 && first <= 57) || first === 45 || first === 46 || first === 43) {
      const v = parseFloat(tok);
      nums.push(v);
      if (nums.length > 6) nums.shift();
      if (v < -200) out += " "; // a wide TJ gap is a word space
      continue;
    }
    switch (tok) {
      case "Tf": font = cmaps[lastName] || null; break;
      case "Td": case "TD": {
        const ty = nums.length >= 1 ? nums[nums.length - 1] : 0;
        out += Math.abs(ty) > 0.01 ? "\n" : " ";
        y += ty;
        break;
      }
      case "Tm": {
        // Absolute position: same baseline (a table row) joins with a space, a new one breaks the line.
        const ny = nums.length >= 1 ? nums[nums.length - 1] : y;
        out += Math.abs(ny - y) > 0.5 ? "\n" : " ";
        y = ny;
        break;
      }
      case "T*": case "'": case '"': out += "\n"; break;
      case "ET": out += " "; break;
      default: break;
    }
    nums.length = 0;
  }
  return out;
}

export function extractPdf(data: Uint8Array, maxInflated: number, budget: Budget, maxChars: number): Extracted {
  // Readers accept the header anywhere in the first kilobyte (some mail gateways prepend bytes).
  if (head(data, 1024).indexOf("%PDF-") < 0) throw new ScanAborted("corrupt");
  const scan = scanStreams(data, budget, maxInflated, Infinity);
  const skel = scan.skeleton;
  if (/\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(skel)) throw new ScanAborted("encrypted");
  check(budget);
  const byId: Record<string, PdfStream> = {};
  for (const s of scan.streams) if (s.id) byId[s.id] = s;
  // Fonts: a font dictionary (object N) points to its ToUnicode CMap stream (object M); page
  // resources name the font (/F1 N 0 R). Names are resolved file-wide: a bounded approximation of
  // per-page resources that holds for the PDFs office software exports.
  const cmapByFontObj: Record<string, CMap> = {};
  const fontDictRe = /(\d+)\s+0\s+obj\s*<<((?:(?!endobj)[\s\S]){0,2000}?)\/ToUnicode\s+(\d+)\s+0\s+R/g;
  let fm: RegExpExecArray | null;
  while ((fm = fontDictRe.exec(skel)) !== null) {
    const s = byId[fm[3]];
    if (!s) continue;
    const c = parseCMap(latin1(s.data, 0, s.data.length));
    if (c) cmapByFontObj[fm[1]] = c;
  }
  const cmaps: Record<string, CMap> = {};
  const fontBlocks = skel.match(/\/Font\s*<<[^>]*>>/g) || [];
  const resRe = /\/([A-Za-z0-9_.+-]+)\s+(\d+)\s+0\s+R/g;
  for (const block of fontBlocks) {
    let rm: RegExpExecArray | null;
    resRe.lastIndex = 0;
    while ((rm = resRe.exec(block)) !== null) if (cmapByFontObj[rm[2]]) cmaps[rm[1]] = cmapByFontObj[rm[2]];
  }
  let text = "";
  let truncated = false;
  for (const s of scan.streams) {
    check(budget);
    // Operators take several bytes per shown character: read only as much as the text cap needs.
    const src = latin1(s.data, 0, Math.min(s.data.length, (maxChars - text.length) * 8 + 4096));
    if (src.indexOf("begincmap") >= 0 || !/(?:Tj|TJ)/.test(src)) continue;
    text += contentText(src, cmaps, maxChars - text.length + 1) + "\n";
    if (text.length > maxChars) { truncated = true; text = text.slice(0, maxChars); break; }
  }
  return { text, tables: [], truncated };
}
