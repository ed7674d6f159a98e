import type { Table } from "./model";

/** Picks the delimiter (; , tab |) that splits the first lines most consistently. */
export function sniffDelimiter(text: string): string | null {
  const lines = text.split(/\r?\n/, 20).filter((l) => l.trim().length > 0);
  if (lines.length < 2) return null;
  let best: string | null = null;
  let bestScore = 0;
  for (const d of [";", ",", "\t", "|"]) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const first = counts[0];
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * Math.min(first, 20);
    if (consistent >= 0.6 && score > bestScore) { best = d; bestScore = score; }
  }
  return best;
}

/** Parses CSV-like text (RFC 4180 quoting) into rows; stops after maxRows. */
export function parseDelimited(text: string, delimiter: string, maxRows: number): { rows: Table; truncated: boolean } {
  const rows: Table = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') { cell += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      cell += ch; i++; continue;
    }
    if (ch === '"' && cell.length === 0) { quoted = true; i++; continue; }
    if (ch === delimiter) { row.push(cell.trim()); cell = ""; i++; continue; }
    if (ch === "\r" || ch === "\n") {
      row.push(cell.trim()); cell = "";
      if (row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
      if (rows.length >= maxRows) return { rows, truncated: true };
      i += ch === "\r" && text.charAt(i + 1) === "\n" ? 2 : 1;
      continue;
    }
    cell += ch; i++;
  }
  row.push(cell.trim());
  if (row.length > 1 || row[0] !== "") rows.push(row);
  return { rows, truncated: false };
}
