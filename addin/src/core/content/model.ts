import type { UnreadableReason } from "./budget";

export type Table = string[][];

/** What a scan could read from a file: running text and tables of cells (first row usually a header). */
export interface Extracted {
  text: string;
  tables: Table[];
  truncated: boolean;
}

export type ExtractResult =
  | { ok: true; format: string; content: Extracted }
  | { ok: false; format: string; reason: UnreadableReason };
