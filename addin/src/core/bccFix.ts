import type { Policy } from "./policy";
import { classify } from "./recipients";
import type { Recipient, Recipients } from "./types";

/** Outlook's setAsync/addAsync take at most 100 recipients per call. */
export const MAX_RECIPIENTS_PER_CALL = 100;

export interface BccPlan {
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  moved: number;
}

/**
 * Plans the one-click fix: every private or external address in To/Cc moves to Bcc (with its display
 * name); colleagues, trusted partners and the sender stay where they are so staff can still
 * "reply all" among themselves. When To would end up empty, the sender is put in To, the usual way
 * to send a group mail with everyone in Bcc. Duplicates already in Bcc are not added twice.
 */
export function planMoveToBcc(r: Recipients, sender: Recipient | null, policy: Policy): BccPlan {
  const senderAddress = sender ? sender.emailAddress : "";
  const isExposed = (rec: Recipient) => {
    const c = classify(rec.emailAddress, senderAddress, policy);
    return c === "private" || c === "external";
  };
  const bcc = r.bcc.slice();
  const inBcc = new Set(bcc.map((x) => x.emailAddress.trim().toLowerCase()));
  let moved = 0;
  const keep = (list: Recipient[]) =>
    list.filter((rec) => {
      if (!isExposed(rec)) return true;
      const key = rec.emailAddress.trim().toLowerCase();
      if (!inBcc.has(key)) {
        inBcc.add(key);
        bcc.push({ displayName: rec.displayName, emailAddress: rec.emailAddress });
      }
      moved++;
      return false;
    });
  const to = keep(r.to);
  const cc = keep(r.cc);
  if (moved > 0 && to.length === 0 && sender && sender.emailAddress) to.push(sender);
  return { to, cc, bcc, moved };
}

/** Splits a list into chunks Outlook accepts in one call. */
export function chunks<T>(list: T[], size: number = MAX_RECIPIENTS_PER_CALL): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
