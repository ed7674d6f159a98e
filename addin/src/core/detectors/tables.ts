import type { Table } from "../content/model";
import { isBsnHeader, isValidBsn } from "./bsn";
import { looksLikePersonName, NAME_HEADER } from "./names";

export interface TableSignals {
  /** Distinct names in rows that also carry grades. */
  namesWithGrades: number;
  /** Distinct names in rows that also carry absence data. */
  namesWithAbsence: number;
  /** Distinct names in any recognised student table (with a name column). */
  names: number;
  studentNumbers: number;
  birthDates: number;
  bsns: Set<string>;
}

const GRADE_HEADER = /(cijfer|gem\.?$|gemiddeld|rapport|toets|proefwerk|\bse\b|\bpta\b|schoolexamen|\bp[1-4]\b|periode|\bce\b|eindcijfer|resultaat|score|grade|mark|\bpw\d*\b|\bso\d*\b|\bsk\b|\bne\b|\ben\b|\bwi[ AB]?\b|\bgs\b|\bak\b|\bbi\b|\bnat\b|\bsch\b|\bec\b|\bdu\b|\bfa\b|\blo\b)/i;
const ABSENCE_HEADER = /(verzuim|absent|absentie|afwezig|te laat|laatkomst|ongeoorloofd|geoorloofd|spijbel|ziek|verwijder|lesuren gemist|attendance|late)/i;
const STUDENT_NUMBER_HEADER = /^(leerling ?(nummer|nr\.?|id)|ll\.? ?nr\.?|llnr\.?|ll-nr\.?|stamnummer|stamnr\.?|student ?(number|nummer|id|no\.?)|leerlingnr\.?|lln ?nr\.?)$/i;
const BIRTH_HEADER = /(geboorte ?datum|geb\.? ?datum|geboren|date of birth|birth ?date|\bdob\b)/i;
const ABSENCE_CODE = /^(ao|go|tl|la|z|zk|ziek|uv|ub|vr|vrij|ongeoorloofd|geoorloofd|te laat|x|v)$/i;
const DATE = /^(\d{1,2}[-\/.]\d{1,2}[-\/.](\d{2}|\d{4})|\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?|\d{1,2} (jan|feb|mrt|maart|apr|april|mei|jun|juni|jul|juli|aug|sep|sept|okt|oct|nov|dec)[a-z]* \d{4})$/i;

export function isGradeValue(v: string): boolean {
  const s = v.trim().replace(",", ".");
  if (/^(o|v|g|zg|ov|vg|voldoende|onvoldoende|goed|zeer goed|matig|slecht)$/i.test(s)) return true;
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(s)) return false;
  const n = parseFloat(s);
  return n >= 1 && n <= 10;
}

function isDecimalGrade(v: string): boolean {
  return /^\d{1,2}[.,]\d{1,2}$/.test(v.trim()) && isGradeValue(v);
}

function isDateOrSerial(v: string): boolean {
  const s = v.trim();
  if (DATE.test(s)) return true;
  // Excel serial dates between 1990 and 2030.
  return /^\d{5}(\.\d+)?$/.test(s) && parseFloat(s) >= 32874 && parseFloat(s) <= 47484;
}

function column(rows: Table, c: number): string[] {
  return rows.map((r) => (r[c] || "").trim());
}

function share(values: string[], pred: (v: string) => boolean): number {
  const filled = values.filter((v) => v !== "");
  if (filled.length === 0) return 0;
  return filled.filter(pred).length / filled.length;
}

/** Finds the header row: one of the first rows with a recognisable column name. */
function headerIndex(t: Table): number {
  for (let i = 0; i < Math.min(5, t.length); i++) {
    const row = t[i];
    if (row.some((c) => NAME_HEADER.test(c.trim()) || STUDENT_NUMBER_HEADER.test(c.trim()) || isBsnHeader(c) || BIRTH_HEADER.test(c))) return i;
  }
  return -1;
}

export function analyzeTables(tables: Table[], minRows: number): TableSignals {
  const out: TableSignals = { namesWithGrades: 0, namesWithAbsence: 0, names: 0, studentNumbers: 0, birthDates: 0, bsns: new Set() };
  for (const t of tables) {
    if (t.length < 2) continue;
    const h = headerIndex(t);
    const header = h >= 0 ? t[h].map((c) => c.trim()) : [];
    const data = t.slice(h + 1).filter((r) => r.some((c) => c.trim() !== ""));
    if (data.length === 0) continue;
    const width = data.reduce((w, r) => Math.max(w, r.length), header.length);
    const nameCols: number[] = [];
    const gradeCols: number[] = [];
    const absenceCols: number[] = [];
    for (let c = 0; c < width; c++) {
      const head = header[c] || "";
      const values = column(data, c);
      if (NAME_HEADER.test(head) || (h < 0 && share(values, looksLikePersonName) >= 0.6)) { nameCols.push(c); continue; }
      if (STUDENT_NUMBER_HEADER.test(head)) {
        out.studentNumbers += values.filter((v) => /^\d{3,10}$/.test(v)).length;
        continue;
      }
      if (isBsnHeader(head)) {
        for (const v of values) if (isValidBsn(v)) out.bsns.add(v.replace(/\D/g, ""));
        continue;
      }
      if (BIRTH_HEADER.test(head)) {
        out.birthDates += values.filter(isDateOrSerial).length;
        continue;
      }
      if (ABSENCE_HEADER.test(head) && share(values, (v) => /^\d{1,4}([.,]\d+)?$/.test(v) || ABSENCE_CODE.test(v)) >= 0.7) { absenceCols.push(c); continue; }
      if (share(values, ABSENCE_CODE.test.bind(ABSENCE_CODE)) >= 0.7 && values.filter((v) => v !== "").length >= minRows && !values.every((v) => v === "" || /^[xv]$/i.test(v))) { absenceCols.push(c); continue; }
      const gradeShare = share(values, isGradeValue);
      if (gradeShare >= 0.7 && (GRADE_HEADER.test(head) || share(values, isDecimalGrade) >= 0.3)) gradeCols.push(c);
    }
    if (nameCols.length === 0) continue;
    const nameOf = (r: string[]) => nameCols.map((c) => (r[c] || "").trim()).filter((v) => v !== "").join(" ");
    const all = new Set<string>();
    const withGrades = new Set<string>();
    const withAbsence = new Set<string>();
    for (const r of data) {
      const n = nameOf(r);
      if (!n) continue;
      all.add(n);
      if (gradeCols.some((c) => isGradeValue(r[c] || ""))) withGrades.add(n);
      if (absenceCols.some((c) => (r[c] || "").trim() !== "" && (r[c] || "").trim() !== "0")) withAbsence.add(n);
    }
    if (all.size >= minRows) out.names += all.size;
    if (withGrades.size >= minRows) out.namesWithGrades += withGrades.size;
    if (withAbsence.size >= minRows) out.namesWithAbsence += withAbsence.size;
  }
  return out;
}

/**
 * Grade lists written as lines of text (PDF exports, slides): "Sanne de Vries 6,5 7,1 5,8".
 * Counts distinct names followed by at least two grades.
 */
export function namesWithGradesInText(text: string, maxLines = 50000): number {
  const names = new Set<string>();
  const lines = text.split("\n", maxLines);
  for (const line of lines) {
    let tokens = line.trim().split(/\s+/);
    if (/^\d{3,10}$/.test(tokens[0])) tokens = tokens.slice(1); // a leading student number
    if (tokens.length < 4) continue;
    let k = 0;
    while (k < tokens.length && !/^\d/.test(tokens[k])) k++;
    if (k < 2 || k > 6) continue;
    const rest = tokens.slice(k);
    const grades = rest.filter(isGradeValue).length;
    if (grades < 2 || grades < rest.length * 0.7) continue;
    const name = tokens.slice(0, k).join(" ");
    if (looksLikePersonName(name)) names.add(name);
  }
  return names.size;
}
