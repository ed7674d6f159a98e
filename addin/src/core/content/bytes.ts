// Byte helpers that work in classic Outlook's JavaScript-only runtime: no atob, no TextDecoder.
import { strFromU8 } from "fflate";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = (() => {
  const t = new Int16Array(256).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  t["-".charCodeAt(0)] = 62; // base64url
  t["_".charCodeAt(0)] = 63;
  return t;
})();

export function base64ToBytes(s: string): Uint8Array {
  let len = 0;
  const clean = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const v = LOOKUP[s.charCodeAt(i) & 0xff];
    if (v >= 0 && s.charCodeAt(i) < 256) clean[len++] = v;
  }
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < len; i += 4) {
    const n = (clean[i] << 18) | (clean[i + 1] << 12) | (clean[i + 2] << 6) | clean[i + 3];
    out[o++] = (n >> 16) & 0xff;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  const rest = len - i;
  if (rest === 2) {
    out[o++] = ((clean[i] << 2) | (clean[i + 1] >> 4)) & 0xff;
  } else if (rest === 3) {
    const n = (clean[i] << 10) | (clean[i + 1] << 4) | (clean[i + 2] >> 2);
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  return out.subarray(0, o);
}

function isValidUtf8(b: Uint8Array, limit: number): boolean {
  const n = Math.min(b.length, limit);
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let extra = 0;
    if ((c & 0xe0) === 0xc0) extra = 1;
    else if ((c & 0xf0) === 0xe0) extra = 2;
    else if ((c & 0xf8) === 0xf0) extra = 3;
    else return false;
    if (i + extra >= n) return true; // cut at the limit: fine
    for (let k = 1; k <= extra; k++) if ((b[i + k] & 0xc0) !== 0x80) return false;
    i += extra + 1;
  }
  return true;
}

const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Latin-1/Windows-1252 decoding, which Dutch Excel CSV exports often use. */
export function decodeCp1252(b: Uint8Array): string {
  let out = "";
  const CH = 8192;
  for (let i = 0; i < b.length; i += CH) {
    const end = Math.min(b.length, i + CH);
    const codes: number[] = new Array(end - i);
    for (let k = i; k < end; k++) {
      const c = b[k];
      codes[k - i] = c >= 0x80 && c < 0xa0 ? CP1252_HIGH.charCodeAt(c - 0x80) : c;
    }
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

/** Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252. */
export function decodeText(b: Uint8Array): string {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return strFromU8(b.subarray(3));
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const le = b[0] === 0xff;
    let s = "";
    for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode(le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
    return s;
  }
  return isValidUtf8(b, 1 << 20) ? strFromU8(b) : decodeCp1252(b);
}

export function utf8(b: Uint8Array): string {
  return strFromU8(b);
}

/** The first bytes as Latin-1, for signature checks. */
export function head(b: Uint8Array, n: number): string {
  let s = "";
  for (let i = 0; i < Math.min(n, b.length); i++) s += String.fromCharCode(b[i]);
  return s;
}

/** Bytes as a string with one char per byte (char code = byte), for binary formats such as PDF. */
export function binaryString(b: Uint8Array): string {
  const parts: string[] = [];
  const CH = 32768;
  for (let i = 0; i < b.length; i += CH) parts.push(String.fromCharCode.apply(null, b.subarray(i, Math.min(b.length, i + CH)) as unknown as number[]));
  return parts.join("");
}
