// Person-name heuristics for tables without a header row. A capitalised word pair is not enough
// ("Rekenmachine Casio" on an invoice); the first word must also be a common first name.
const FIRST_NAMES = (
  "aaron abel adam adriaan aisha alex alexander ali alice amber amira amy anna anne annemijn anouk arjen aya ayoub bas bart " +
  "bo boaz bram britt casper cas charlotte chris daan damian dani daniel david dewi dex dirk douwe dylan eline elif elin " +
  "elisa ella emily emma emre esmee eva evi fabian fatima femke fenna finn fleur floor floris gijs hamza hanna hannah " +
  "hidde hugo ibrahim ilse imane imre indy inge iris isa isabel isabella ivo jack jade jake jan jana jasmijn jasper jayden " +
  "jelle jesse jet jill jim joep johan jonas joost jop jord josephine joris julia julian juliette jurre kim kiki koen " +
  "lara lars laura lauren lena lieke lien lieve lily lina linda lisa liv lize lois loes lotte lucas luuk lynn maaike " +
  "maarten maud max maya mees mehmet meike melle merel mila milan milou mirthe mohamed mohammed mustafa naomi nick niek " +
  "niels nienke noa noah noor nora olivia omar oscar owen pien pieter pim puck quinten quinn rens rik roan robin rosa " +
  "roos ruben rutger ryan sam sami sanne sara sarah sem senna sep siem sofie sophie stijn sven teun thijs thomas tim " +
  "tom tess tijn tirza vera vince wessel willem yara yasmine yusuf zara zoë zoe hugo jens ties mats olaf otis lex levi " +
  "benjamin jurgen yousef youssef yassin nadia noura selin elise marit sterre fay evy jolie liam mason james oliver"
).split(" ");
const FIRST = new Set(FIRST_NAMES);
const PARTICLES = /^(van|de|der|den|het|'t|ten|ter|te|in|op|el|al|la|le|du|da|von|vd|v\.d\.)$/i;
const WORD = /^[A-ZÀ-Þ][a-zà-ÿ'\-]+\.?$|^[A-Z]\.$/;

/** True when the cell looks like a person's name: "Sanne de Vries", "de Vries, Sanne", "Vries, S. de". */
export function looksLikePersonName(cell: string): boolean {
  const s = cell.trim();
  if (s.length < 3 || s.length > 60 || /\d/.test(s)) return false;
  const parts = s.replace(/,/g, " , ").split(/\s+/).filter((p) => p.length > 0);
  if (parts.length < 2 || parts.length > 6) return false;
  let firstName = false;
  for (const p of parts) {
    if (p === ",") continue;
    if (PARTICLES.test(p)) continue;
    if (!WORD.test(p)) return false;
    if (FIRST.has(p.toLowerCase())) firstName = true;
  }
  return firstName;
}

export const NAME_HEADER = /^(naam|namen|leerling|leerlingen|leerling ?naam|naam leerling|volledige naam|roepnaam|voornaam|achternaam|student|students|student name|name|full name|first name|last name|surname|kandidaat)$/i;
