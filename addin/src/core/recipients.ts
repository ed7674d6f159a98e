import type { Policy } from "./policy";
import type { Recipient, RecipientClass, Recipients } from "./types";

export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).trim().toLowerCase().replace(/\.$/, "");
}

function inDomains(domain: string, list: string[]): boolean {
  for (const d of list) if (domain === d || domain.endsWith("." + d)) return true;
  return false;
}

/**
 * Sorts an address. The sender's own mail domain counts as the school's (unless it is a private
 * provider): a teacher's mailbox is the school's, so colleagues are recognised even while the add-in
 * runs on its built-in policy or the admin has not listed every domain yet.
 */
export function classify(address: string, sender: string, policy: Policy): RecipientClass {
  const a = address.trim().toLowerCase();
  if (sender && a === sender.trim().toLowerCase()) return "self";
  const domain = domainOf(a);
  if (!domain) return "invalid";
  if (inDomains(domain, policy.schoolDomains)) return "school";
  const own = sender ? domainOf(sender) : "";
  if (own && inDomains(domain, [own]) && !inDomains(own, policy.privateDomains)) return "school";
  if (inDomains(domain, policy.trustedPartnerDomains)) return "partner";
  if (inDomains(domain, policy.privateDomains)) return "private";
  return "external";
}

/**
 * A personal contact group (Outlook "contact list"): Outlook reports it as a distribution list
 * without an address (office-js issues 5439, 4661), cannot tell its members, and puts every member's
 * address in the sent mail. An Exchange distribution list or Microsoft 365 group has an address of
 * its own and is expanded by the server, so its members do not see each other: that is an ordinary
 * address here.
 */
export function isContactGroup(rec: Recipient): boolean {
  return rec.recipientType === "distributionList" && domainOf(rec.emailAddress.trim()) === "";
}

export interface RecipientAssessment {
  counts: Record<RecipientClass, number> & { visible: number; bcc: number; groups: number };
  /** Visible (To/Cc) addresses that others should not see: private and external ones, deduplicated. */
  exposed: Recipient[];
  exposedTriggered: boolean;
  /** True when any recipient (in any field) is outside the school: private, external or partner. */
  anyOutsideSchool: boolean;
  /** Personal contact groups in To/Cc: their members will see each other's addresses. */
  groups: Recipient[];
}

/**
 * Counts the visible recipients by kind and decides whether too many outside addresses are visible.
 * Colleagues (school domains), the sender and trusted partners never count as exposed: their
 * addresses are work addresses that the other recipients may see.
 */
export function assessRecipients(r: Recipients, sender: string, policy: Policy): RecipientAssessment {
  const counts = { self: 0, school: 0, partner: 0, private: 0, external: 0, invalid: 0, visible: 0, bcc: 0, groups: 0 };
  const seen = new Set<string>();
  const exposed: Recipient[] = [];
  const groups: Recipient[] = [];
  let anyOutside = false;
  for (const rec of r.to.concat(r.cc)) {
    if (isContactGroup(rec)) {
      // Its members are unknown: counted apart, neither as colleagues nor as outside addresses.
      groups.push(rec);
      counts.groups++;
      continue;
    }
    const key = rec.emailAddress.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const c = classify(key, sender, policy);
    counts[c]++;
    counts.visible++;
    if (c === "private" || c === "external") exposed.push(rec);
    if (c === "private" || c === "external" || c === "partner") anyOutside = true;
  }
  for (const rec of r.bcc) {
    const key = rec.emailAddress.trim().toLowerCase();
    if (!key) continue;
    counts.bcc++;
    const c = classify(key, sender, policy);
    if (c === "private" || c === "external" || c === "partner") anyOutside = true;
  }
  const outside = counts.private + counts.external;
  const p = policy.recipients;
  const triggered = outside > p.maxVisibleExternal || (counts.visible > p.maxVisibleTotal && outside >= p.minExternalForTotalRule);
  return { counts, exposed, exposedTriggered: triggered, anyOutsideSchool: anyOutside, groups };
}
