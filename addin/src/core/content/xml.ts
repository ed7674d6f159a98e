const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.charAt(0) === "#") {
      const code = e.charAt(1) === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[e] !== undefined ? ENTITIES[e] : m;
  });
}

/** Yields the inner XML of each non-nested element <tag ...>...</tag>. */
export function elements(xml: string, tag: string): string[] {
  const out: string[] = [];
  const open = new RegExp("<" + tag + "(?:\\s[^>]*)?>", "g");
  const close = "</" + tag + ">";
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml)) !== null) {
    if (m[0].charAt(m[0].length - 2) === "/") continue; // self-closing
    const start = m.index + m[0].length;
    const end = xml.indexOf(close, start);
    if (end < 0) break;
    out.push(xml.slice(start, end));
    open.lastIndex = end + close.length;
  }
  return out;
}

/** Concatenates the text runs (<prefix:t>) of an XML fragment; paragraphs become new lines. */
export function runsText(xml: string, prefix: string): string {
  const q = prefix ? prefix + ":" : "";
  const re = new RegExp("<" + q + "t(?:\\s[^>]*)?>([^<]*)</" + q + "t>|</" + q + "p>|<" + q + "(?:tab|br)\\s*/>", "g");
  let out = "";
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[1] !== undefined) out += decodeEntities(m[1]);
    else if (m[0].indexOf("tab") > 0) out += "\t";
    else out += "\n";
  }
  return out;
}
