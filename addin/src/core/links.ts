import type { Policy } from "./policy";

function hostMatches(host: string, rule: string): boolean {
  return host === rule || host.slice(-(rule.length + 1)) === "." + rule;
}

/** Most links a body could hold that we look at; a longer body is a pasted document, not a mail. */
const MAX_LINKS = 2000;

/**
 * Names of disallowed consumer file-sharing services linked from the body (allowed hosts win).
 * A link is a host name after "://" (href or typed URL), one starting with "www.", or one followed by
 * a path ("we.tl/t-abc", "dropbox.com/s/…": how people paste links that Outlook did not turn into
 * anchors). A bare mention ("via WeTransfer") or an e-mail address (a parent's @icloud.com) is not.
 * Scans runs of host characters once, so a long body (inline images as base64) stays linear.
 */
export function findSharingServices(body: string, policy: Policy): string[] {
  const names: string[] = [];
  const re = /[A-Za-z0-9.\-]+/g;
  let m: RegExpExecArray | null;
  let links = 0;
  while ((m = re.exec(body)) !== null && links < MAX_LINKS) {
    const token = m[0].replace(/\.+$/, "");
    if (token.indexOf(".") <= 0 || !/\.[A-Za-z]{2,}$/.test(token)) continue;
    const start = m.index;
    const before = start > 0 ? body.charAt(start - 1) : "";
    if (before === "@") continue;
    const afterScheme = body.slice(Math.max(0, start - 3), start) === "://";
    const next = body.charAt(start + token.length);
    const www = /^www\./i.test(token);
    if (!afterScheme && !www && next !== "/") continue;
    links++;
    const host = token.toLowerCase();
    if (policy.sharing.allowedHosts.some((h) => hostMatches(host, h))) continue;
    for (const d of policy.sharing.disallowedHosts) {
      if (hostMatches(host, d.host) && names.indexOf(d.name) < 0) names.push(d.name);
    }
  }
  return names;
}
