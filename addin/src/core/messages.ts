import type { Lang } from "./policy";

/** Picks Dutch unless Outlook's display language is English. */
export function languageOf(displayLanguage: string | undefined | null): Lang {
  return /^en\b|^en-/i.test(displayLanguage || "") ? "en" : "nl";
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * " ‘Ouders 2B’ en ‘Ouders 2C’" (with a leading space), or "" when the client gave no names: new
 * Outlook may report a contact group without one (office-js issue 4242).
 */
function groupNames(names: string[], lang: Lang): string {
  const named = names.map((n) => n.trim()).filter((n) => n !== "");
  if (named.length === 0) return "";
  const q = named.slice(0, 3).map((n) => `‘${n.length > 40 ? n.slice(0, 39) + "…" : n}’`);
  if (named.length > 3) q.push(lang === "en" ? `${named.length - 3} more` : `nog ${named.length - 3}`);
  const unnamed = names.length - named.length;
  if (unnamed > 0) q.push(lang === "en" ? `${unnamed} without a name` : `${unnamed} zonder naam`);
  return " " + (q.length === 1 ? q[0] : q.slice(0, -1).join(", ") + (lang === "en" ? " and " : " en ") + q[q.length - 1]);
}

export const text = {
  nl: {
    exposed: (n: number) =>
      `${n} adressen van buiten school staan zichtbaar in Aan/CC. Iedere ontvanger ziet zo de e-mailadressen van de anderen; dat is een datalek.`,
    exposedFix: "Zet ze in BCC: kies ‘Naar BCC’, of knip de externe adressen uit Aan/CC en plak ze in BCC.",
    exposedManual: "Knip de externe adressen uit Aan/CC en plak ze in het veld BCC (Opties › BCC).",
    contactGroup: (names: string[]) =>
      `${names.length === 1 ? "Contactgroep" : "Contactgroepen"}${groupNames(names, "nl")} ${names.length === 1 ? "staat" : "staan"} in Aan/CC. Outlook zet bij verzenden de adressen van alle leden zichtbaar in de mail; bij ouders of leerlingen is dat een datalek. Sleep ${names.length === 1 ? "de groep" : "de groepen"} naar het veld BCC.`,
    moved: (n: number) => `${n} ${plural(n, "extern adres", "externe adressen")} naar BCC verplaatst.`,
    groupsLeft: (names: string[]) => `Sleep ${names.length === 1 ? "de contactgroep" : "de contactgroepen"}${groupNames(names, "nl")} zelf naar BCC: een contactgroep kan de add-in niet verplaatsen.`,
    attachmentIntro: (name: string) => `Bijlage ‘${name}’`,
    gradeNames: (n: number) => `${n} ${plural(n, "leerlingnaam", "leerlingnamen")} met cijfers`,
    absence: (n: number) => `verzuimgegevens van ${n} ${plural(n, "leerling", "leerlingen")}`,
    bsns: (n: number) => `${n} ${plural(n, "burgerservicenummer", "burgerservicenummers")} (BSN)`,
    studentNumbers: (n: number) => `${n} ${plural(n, "leerlingnummer", "leerlingnummers")}`,
    birthDates: (n: number) => `${n} ${plural(n, "geboortedatum", "geboortedata")}`,
    special: (terms: string[]) => `bijzondere persoonsgegevens (zoals ${terms.slice(0, 3).join(", ")})`,
    byName: (label: string) => `lijkt op basis van de naam een ${label}`,
    and: " en ",
    contains: "bevat",
    outside: "en gaat naar een adres buiten school",
    unreadable: (name: string, why: string) => `Bijlage ‘${name}’ is niet gecontroleerd (${why}). Weet je zeker dat er geen leerlinggegevens in staan?`,
    reasons: {
      "unsupported-format": "dit bestandstype kan de add-in niet lezen",
      "too-large": "te groot om snel te controleren",
      corrupt: "het bestand is beschadigd of onleesbaar",
      encrypted: "het bestand is versleuteld",
      "no-text": "er staat geen leesbare tekst in, bijvoorbeeld een scan",
      timeout: "de controle duurde te lang",
      "not-available": "de inhoud was niet beschikbaar",
    } as Record<string, string>,
    sharing: (names: string[]) =>
      `De mail bevat een link naar ${names.join(", ")}. Die dienst gebruikt de school niet voor persoonsgegevens; deel bestanden via OneDrive of SharePoint.`,
    more: (n: number) => `En nog ${n} ${plural(n, "melding", "meldingen")}: open Privacycheck.`,
    readMore: "Lees meer",
    cancelLabel: "Naar BCC",
    openCheck: "Privacycheck",
  },
  en: {
    exposed: (n: number) =>
      `${n} addresses from outside the school are visible in To/Cc. Every recipient can see the others' e-mail addresses; that is a data breach.`,
    exposedFix: "Put them in Bcc: choose ‘Move to Bcc’, or cut the outside addresses from To/Cc and paste them into Bcc.",
    exposedManual: "Cut the outside addresses from To/Cc and paste them into the Bcc field (Options › Bcc).",
    contactGroup: (names: string[]) =>
      `${names.length === 1 ? "Contact group" : "Contact groups"}${groupNames(names, "en")} ${names.length === 1 ? "is" : "are"} in To/Cc. When sending, Outlook shows every member's address in the mail; for parents or students that is a data breach. Drag ${names.length === 1 ? "the group" : "the groups"} to the Bcc field.`,
    moved: (n: number) => `${n} outside ${plural(n, "address", "addresses")} moved to Bcc.`,
    groupsLeft: (names: string[]) => `Drag ${names.length === 1 ? "the contact group" : "the contact groups"}${groupNames(names, "en")} to Bcc yourself: the add-in cannot move a contact group.`,
    attachmentIntro: (name: string) => `Attachment ‘${name}’`,
    gradeNames: (n: number) => `${n} student ${plural(n, "name", "names")} with grades`,
    absence: (n: number) => `absence data of ${n} ${plural(n, "student", "students")}`,
    bsns: (n: number) => `${n} citizen service ${plural(n, "number", "numbers")} (BSN)`,
    studentNumbers: (n: number) => `${n} student ${plural(n, "number", "numbers")}`,
    birthDates: (n: number) => `${n} ${plural(n, "date", "dates")} of birth`,
    special: (terms: string[]) => `special-category data (such as ${terms.slice(0, 3).join(", ")})`,
    byName: (label: string) => `looks like a ${label}, judging by its name`,
    and: " and ",
    contains: "contains",
    outside: "and goes to an address outside the school",
    unreadable: (name: string, why: string) => `Attachment ‘${name}’ was not checked (${why}). Are you sure it holds no student data?`,
    reasons: {
      "unsupported-format": "the add-in cannot read this file type",
      "too-large": "too large to check quickly",
      corrupt: "the file is damaged or unreadable",
      encrypted: "the file is encrypted",
      "no-text": "it has no readable text, for example a scan",
      timeout: "checking took too long",
      "not-available": "its content was not available",
    } as Record<string, string>,
    sharing: (names: string[]) =>
      `The mail links to ${names.join(", ")}. The school does not use that service for personal data; share files through OneDrive or SharePoint.`,
    more: (n: number) => `And ${n} more ${plural(n, "warning", "warnings")}: open Privacycheck.`,
    readMore: "Read more",
    cancelLabel: "Move to Bcc",
    openCheck: "Privacycheck",
  },
};
