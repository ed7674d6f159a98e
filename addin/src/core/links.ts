import type { Policy } from "./policy";

function hostMatches(host: string, rule: string): boolean {
  return host === rule || host.slice(-(rule.length + 1)) === "." + rule;
}

/** Names of disallowed consumer file-sharing services linked from the body (allowed hosts win). */
export function findSharingServices(body: string, policy: Policy): string[] {
  const names: string[] = [];
  const re = /\bhttps?:\/\/([A-Za-z0-9.\-]+)(?::\d+)?/gi;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(body)) !== null && count++ < 2000) {
    const host = m[1].toLowerCase().replace(/\.$/, "");
    if (policy.sharing.allowedHosts.some((h) => hostMatches(host, h))) continue;
    for (const d of policy.sharing.disallowedHosts) {
      if (hostMatches(host, d.host) && names.indexOf(d.name) < 0) names.push(d.name);
    }
  }
  return names;
}
