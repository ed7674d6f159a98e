/** The BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
export function isValidBsn(value: string): boolean {
  const d = value.replace(/[\s.\-]/g, "");
  if (!/^\d{8,9}$/.test(d)) return false;
  const digits = d.length === 8 ? "0" + d : d;
  if (/^0+$/.test(digits) || /^(\d)\1{8}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

export const BSN_CONTEXT = /\b(bsn|burgerservice ?nummer|burger service nummer|sofi|sofinummer|sofi-nummer|citizen service number|persoonsgebonden nummer|pgn)\b/i;
const CANDIDATE = /(^|[^\w.\-])(\d{4}[ .]\d{2}[ .]\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{9})(?![\w\-]|[.,]\d)/g;

/**
 * Counts distinct valid BSNs in running text that stand near a BSN keyword (same line, within 60
 * characters before, or a keyword right after). A valid-looking nine-digit number alone — a phone
 * number fragment, an order number — is not enough: one in eleven random numbers passes the test.
 */
export function findBsnsInText(text: string): Set<string> {
  const found = new Set<string>();
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text)) !== null) {
    const value = m[2];
    if (!isValidBsn(value)) continue;
    const start = m.index + m[1].length;
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const before = text.slice(Math.max(lineStart, start - 60), start);
    const after = text.slice(start + value.length, start + value.length + 25);
    if (/(\+31|\b0031|\btel\.?|\btelefoon|\bmobiel|\biban|\brekening)\W*$/i.test(before)) continue;
    if (BSN_CONTEXT.test(before) || /^\s*\(?\s*(bsn|burgerservicenummer)\b/i.test(after)) found.add(value.replace(/\D/g, ""));
  }
  return found;
}

export function isBsnHeader(cell: string): boolean {
  return BSN_CONTEXT.test(cell.trim());
}
