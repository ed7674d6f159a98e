import { unzipSync } from "fflate";
import { ScanAborted } from "./budget";

/**
 * Reads selected entries of a zip (OOXML) without inflating anything else. Declared sizes are
 * checked before inflating, so a zip bomb is refused instead of exhausting memory.
 */
export function readEntries(data: Uint8Array, want: (name: string) => boolean, maxTotal: number): Record<string, Uint8Array> {
  let total = 0;
  let tooLarge = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (f) => {
        if (!want(f.name)) return false;
        total += f.originalSize;
        if (total > maxTotal) { tooLarge = true; return false; }
        return true;
      },
    });
  } catch {
    throw new ScanAborted("corrupt");
  }
  if (tooLarge) throw new ScanAborted("too-large");
  return files;
}
