import type { Policy } from "./policy";
import { classify, isContactGroup } from "./recipients";
import type { Recipient, Recipients } from "./types";

/** Outlook's setAsync/addAsync take at most 100 recipients per call. */
export const MAX_RECIPIENTS_PER_CALL = 100;

export interface BccPlan {
  to: Recipient[];
  cc: Recipient[];
  /** Addresses to add to Bcc (those already there are not added twice). */
  addToBcc: Recipient[];
  /** Which of To/Cc the plan changes; a field it does not change is not written. */
  changed: { to: boolean; cc: boolean };
  moved: number;
  /** Personal contact groups in To/Cc: the fix cannot move them, and leaves their field as it is. */
  groupsLeft: Recipient[];
}

/**
 * Plans the one-click fix: every private or external address in To/Cc moves to Bcc (with its display
 * name); colleagues, trusted partners and the sender stay where they are so staff can still
 * "reply all" among themselves. When To would end up empty, the sender is put in To, the usual way
 * to send a group mail with everyone in Bcc. Duplicates already in Bcc are not added twice.
 *
 * A field holding a personal contact group is left untouched: Outlook cannot write a contact group
 * back (setAsync fails with 5010, office-js issue 4661) and rewriting the field without it would drop
 * the whole group. The user moves such a field's group (and its outside addresses) by hand.
 */
export function planMoveToBcc(r: Recipients, sender: Recipient | null, policy: Policy): BccPlan {
  const senderAddress = sender ? sender.emailAddress : "";
  const isExposed = (rec: Recipient) => {
    const c = classify(rec.emailAddress, senderAddress, policy);
    return c === "private" || c === "external";
  };
  const addToBcc: Recipient[] = [];
  const inBcc = new Set(r.bcc.map((x) => x.emailAddress.trim().toLowerCase()).filter((k) => k !== ""));
  const groupsLeft = r.to.concat(r.cc).filter(isContactGroup);
  let moved = 0;
  const keep = (list: Recipient[]) => {
    if (list.some(isContactGroup)) return { list, changed: false };
    let changed = false;
    const kept = list.filter((rec) => {
      if (!isExposed(rec)) return true;
      const key = rec.emailAddress.trim().toLowerCase();
      if (!inBcc.has(key)) {
        inBcc.add(key);
        addToBcc.push({ displayName: rec.displayName, emailAddress: rec.emailAddress });
      }
      moved++;
      changed = true;
      return false;
    });
    return { list: kept, changed };
  };
  const to = keep(r.to);
  const cc = keep(r.cc);
  if (moved > 0 && to.list.length === 0 && sender && sender.emailAddress) {
    to.list.push(sender);
    to.changed = true;
  }
  return { to: to.list, cc: cc.list, addToBcc, changed: { to: to.changed, cc: cc.changed }, moved, groupsLeft };
}

/** Splits a list into chunks Outlook accepts in one call. */
export function chunks<T>(list: T[], size: number = MAX_RECIPIENTS_PER_CALL): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
