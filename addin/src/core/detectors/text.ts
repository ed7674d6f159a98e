const STUDENT_NUMBER_TEXT = /\b(?:leerling ?nummer|leerlingnr\.?|ll\.? ?nr\.?|llnr\.?|stamnummer|student ?number)\s*[:#]?\s*(\d{3,10})\b/gi;
const MONTHS = "jan(?:uari)?|feb(?:ruari)?|mrt|maart|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|january|february|march|may|june|july|august|october|december";
const DATE_TEXT = "(\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)?\\d{2}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:" + MONTHS + ")\\s+(?:19|20)\\d{2})";
const BIRTH_TEXT = new RegExp("\\b(?:geboren(?:\\s+op)?|geboortedatum|geb\\.?\\s*datum|geb\\.|date of birth|born(?:\\s+on)?|d\\.o\\.b\\.?)\\s*[:]?\\s*" + DATE_TEXT, "gi");

export function countStudentNumbersInText(text: string): number {
  const seen = new Set<string>();
  STUDENT_NUMBER_TEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STUDENT_NUMBER_TEXT.exec(text)) !== null) seen.add(m[1]);
  return seen.size;
}

export function countBirthDatesInText(text: string): number {
  const seen = new Set<string>();
  BIRTH_TEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BIRTH_TEXT.exec(text)) !== null) seen.add(m[1]);
  return seen.size;
}

/** A document about one identifiable student: "Naam leerling: Sanne de Vries", "Naam: …". */
export function hasPersonContext(text: string): boolean {
  return /\b(?:naam(?: van de)? leerling|leerling ?naam|naam kind|naam|name of student|student name|leerling)\s*:\s*[A-ZÀ-Þ][a-zà-ÿ]+/.test(text);
}

const L = "A-Za-zÀ-ÖØ-öø-ÿ";

function termPattern(term: string): { re: RegExp } {
  const esc = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  // Acronyms (ADHD, ASS, GGZ) match exactly and case-sensitively: "ass" or "Odd" are other words.
  // Other terms match case-insensitively at a word start, so Dutch compounds count too
  // ("medicatiegebruik", "autismespectrumstoornis").
  if (term === term.toUpperCase() && /[A-Z]/.test(term)) return { re: new RegExp("(?:^|[^" + L + "0-9])" + esc + "(?![" + L + "0-9])") };
  return { re: new RegExp("(?:^|[^" + L + "0-9])" + esc, "i") };
}

const cache: Record<string, RegExp> = {};

/** Distinct special-category terms (health, care, safety) that occur in the text. */
export function findSpecialTerms(text: string, terms: string[]): string[] {
  const found: string[] = [];
  for (const t of terms) {
    const re = cache[t] || (cache[t] = termPattern(t).re);
    if (re.test(text)) found.push(t);
  }
  return found;
}
