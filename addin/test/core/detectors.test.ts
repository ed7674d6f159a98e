import { describe, expect, it } from "vitest";
import { findBsnsInText, isValidBsn } from "../../src/core/detectors/bsn";
import { looksLikePersonName } from "../../src/core/detectors/names";
import { analyzeTables, isGradeValue } from "../../src/core/detectors/tables";
import { countBirthDatesInText, countStudentNumbersInText, findSpecialTerms, hasPersonContext } from "../../src/core/detectors/text";
import { defaultPolicy } from "../../src/core/policy";

// 111222333 and 123456782 pass the eleven-test; 123456789 does not.
describe("BSN", () => {
  it("applies the eleven-test", () => {
    expect(isValidBsn("111222333")).toBe(true);
    expect(isValidBsn("123456782")).toBe(true);
    expect(isValidBsn("1234.56.782")).toBe(true);
    expect(isValidBsn("123456789")).toBe(false);
    expect(isValidBsn("000000000")).toBe(false);
    expect(isValidBsn("12345678")).toBe(false); // 012345678 fails the test
    expect(isValidBsn("12345")).toBe(false);
  });

  it("needs a BSN keyword nearby", () => {
    expect(findBsnsInText("BSN: 111222333").size).toBe(1);
    expect(findBsnsInText("Burgerservicenummer leerling 1234.56.782").size).toBe(1);
    expect(findBsnsInText("sofinummer 123 456 782").size).toBe(1);
    expect(findBsnsInText("Ordernummer 111222333 is verzonden").size).toBe(0);
    expect(findBsnsInText("111222333").size).toBe(0);
  });

  it("does not flag phone numbers, IBANs or invalid numbers next to the keyword", () => {
    expect(findBsnsInText("BSN onbekend, tel. 111222333").size).toBe(0);
    expect(findBsnsInText("BSN volgt; IBAN NL91ABNA0417164300").size).toBe(0);
    expect(findBsnsInText("BSN 123456789").size).toBe(0);
    expect(findBsnsInText("BSN: 06-12345678").size).toBe(0);
  });

  it("counts distinct numbers", () => {
    expect(findBsnsInText("BSN 111222333\nBSN 111222333\nBSN 123456782").size).toBe(2);
  });
});

describe("text detectors", () => {
  it("counts student numbers after their label", () => {
    expect(countStudentNumbersInText("Leerlingnummer: 123456\nllnr 654321\nnummer 999")).toBe(2);
    expect(countStudentNumbersInText("Lokaal 204, uur 3")).toBe(0);
  });

  it("counts dates of birth, not other dates", () => {
    expect(countBirthDatesInText("Sanne de Vries, geboren op 12-03-2010. Geboortedatum: 4 mei 2011")).toBe(2);
    expect(countBirthDatesInText("Ouderavond op 12-03-2025, inschrijven voor 1 april 2025")).toBe(0);
  });

  it("matches acronyms exactly and Dutch compounds by prefix", () => {
    const terms = defaultPolicy().specialCategoryTerms;
    expect(findSpecialTerms("Diagnose: ADHD, medicatiegebruik besproken", terms)).toEqual(expect.arrayContaining(["diagnose", "ADHD", "medicatie"]));
    expect(findSpecialTerms("vermoeden van autismespectrumstoornis (ASS)", terms)).toEqual(expect.arrayContaining(["autisme", "ASS"]));
    expect(findSpecialTerms("We pass the class and add odd numbers", terms)).toEqual([]);
    expect(findSpecialTerms("fysiotherapie op dinsdag", terms)).toEqual([]);
  });

  it("recognises a document about one named student", () => {
    expect(hasPersonContext("Naam leerling: Sanne de Vries")).toBe(true);
    expect(hasPersonContext("Beste ouders, de naam van de nieuwe mentor volgt.")).toBe(false);
  });
});

describe("tables", () => {
  const grades = [["Naam", "Ne", "En", "Wi"], ["Sanne de Vries", "6,5", "7,1", "5,8"], ["Daan Jansen", "8,0", "6,4", "7,0"], ["Emma Bakker", "5,5", "7,7", "6,9"], ["Finn Visser", "7,2", "8,1", "6,0"]];

  it("finds names with grades", () => {
    const s = analyzeTables([grades], 3);
    expect(s.namesWithGrades).toBe(4);
    expect(s.names).toBe(4);
  });

  it("finds names with grades without a header row, by first names", () => {
    expect(analyzeTables([grades.slice(1)], 3).namesWithGrades).toBe(4);
  });

  it("finds attendance tables", () => {
    const t = [["Leerling", "Ongeoorloofd verzuim (uren)", "Te laat"], ["Sanne de Vries", "4", "2"], ["Daan Jansen", "0", "1"], ["Emma Bakker", "12", "0"]];
    expect(analyzeTables([t], 3).namesWithAbsence).toBe(3);
  });

  it("reads student number, BSN and birth date columns", () => {
    const t = [["Leerlingnummer", "Naam", "BSN", "Geboortedatum"], ["102345", "Sanne de Vries", "111222333", "12-03-2010"], ["102346", "Daan Jansen", "123456782", "2010-07-01"], ["102347", "Emma Bakker", "123456789", "40123"]];
    const s = analyzeTables([t], 3);
    expect(s.studentNumbers).toBe(3);
    expect(s.bsns.size).toBe(2);
    expect(s.birthDates).toBe(3);
  });

  it("ignores a timetable", () => {
    const t = [["Uur", "Maandag", "Dinsdag", "Woensdag"], ["1", "3B Ne HVR 204", "3B Wi KLM 110", "3B En JNS 012"], ["2", "3B Gs PTR 201", "3B Bi VRS 104", "3B Lo GYM"], ["3", "3B Ak WIL 203", "3B Ne HVR 204", "3B Fa DUB 007"], ["4", "pauze", "pauze", "pauze"]];
    const s = analyzeTables([t], 3);
    expect(s.namesWithGrades + s.namesWithAbsence + s.names).toBe(0);
  });

  it("ignores an invoice", () => {
    const t = [["Omschrijving", "Aantal", "Prijs", "Totaal"], ["Rekenmachine Casio", "2", "12,50", "25,00"], ["Schriften A4", "10", "1,20", "12,00"], ["Atlas Bosatlas", "1", "9,95", "9,95"], ["Pennen blauw", "5", "0,80", "4,00"]];
    const s = analyzeTables([t], 3);
    expect(s.namesWithGrades + s.names).toBe(0);
  });

  it("knows grade values", () => {
    expect(["1", "5,5", "10", "7.25", "V", "onvoldoende"].every(isGradeValue)).toBe(true);
    expect(["0", "10,5", "12", "abc", ""].some(isGradeValue)).toBe(false);
  });

  it("knows person names", () => {
    expect(looksLikePersonName("Sanne de Vries")).toBe(true);
    expect(looksLikePersonName("Vries, Sanne de")).toBe(true);
    expect(looksLikePersonName("Rekenmachine Casio")).toBe(false);
    expect(looksLikePersonName("3B Ne HVR 204")).toBe(false);
  });
});

describe("grade lines in text", () => {
  it("counts names followed by grades, not other lines", async () => {
    const { namesWithGradesInText } = await import("../../src/core/detectors/tables");
    expect(namesWithGradesInText("Sanne de Vries 6,5 7,1 5,8\n104522 Daan Jansen 8,0 6,4 7\nEmma Bakker V O 6,2\nRekenmachine Casio 2 12,50 25,00\nLokaal 204 3 4")).toBe(2);
  });
});
