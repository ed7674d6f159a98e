import type { Extracted } from "../content/model";
import type { Policy } from "../policy";
import { findBsnsInText } from "./bsn";
import { analyzeTables, namesWithGradesInText } from "./tables";
import { countBirthDatesInText, countStudentNumbersInText, findSpecialTerms, hasPersonContext } from "./text";

export interface ContentSignals {
  namesWithGrades: number;
  namesWithAbsence: number;
  names: number;
  bsns: number;
  studentNumbers: number;
  birthDates: number;
  specialTerms: string[];
  /** Special-category terms about an identifiable person (or so many terms it must be a care file). */
  specialAboutPerson: boolean;
}

export function analyzeContent(c: Extracted, policy: Policy): ContentSignals {
  const t = analyzeTables(c.tables, policy.attachments.minTableRows);
  const bsns = findBsnsInText(c.text);
  t.bsns.forEach((b) => bsns.add(b));
  const studentNumbers = Math.max(t.studentNumbers, countStudentNumbersInText(c.text));
  const birthDates = Math.max(t.birthDates, countBirthDatesInText(c.text));
  const specialTerms = findSpecialTerms(c.text, policy.specialCategoryTerms);
  const lineGrades = namesWithGradesInText(c.text);
  const identified = hasPersonContext(c.text) || bsns.size > 0 || studentNumbers > 0 || birthDates > 0 || t.names > 0 || lineGrades > 0;
  return {
    namesWithGrades: Math.max(t.namesWithGrades, lineGrades >= policy.attachments.minTableRows ? lineGrades : 0),
    namesWithAbsence: t.namesWithAbsence,
    names: t.names,
    bsns: bsns.size,
    studentNumbers,
    birthDates,
    specialTerms,
    specialAboutPerson: (specialTerms.length >= 1 && identified) || specialTerms.length >= 4,
  };
}

export function isStudentData(s: ContentSignals): boolean {
  return s.namesWithGrades > 0 || s.namesWithAbsence > 0 || s.bsns > 0 || s.studentNumbers > 0 || s.birthDates > 0 || s.specialAboutPerson;
}
