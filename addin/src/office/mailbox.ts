// Thin promise wrappers over the Outlook callback APIs. String values only (no Office.MailboxEnums:
// it does not exist outside Outlook). Each wrapper rejects on a failed AsyncResult.
import type { Recipient, Recipients } from "../core/types";

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyItem = any;

interface AsyncResultLike { status: string; value?: any; error?: { message?: string; code?: number } }

function call<T>(fn: (cb: (r: AsyncResultLike) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      fn((r) => {
        if (r && r.status === "failed") reject(new Error((r.error && r.error.message) || "failed"));
        else resolve(r ? (r.value as T) : (undefined as unknown as T));
      });
    } catch (e) {
      reject(e);
    }
  });
}

function toRecipient(x: any): Recipient {
  const r: Recipient = { displayName: String((x && x.displayName) || ""), emailAddress: String((x && x.emailAddress) || "") };
  if (x && typeof x.recipientType === "string") r.recipientType = x.recipientType;
  return r;
}

async function field(item: AnyItem, name: "to" | "cc" | "bcc"): Promise<Recipient[]> {
  const f = item[name];
  if (!f || typeof f.getAsync !== "function") return [];
  const v = await call<any[]>((cb) => f.getAsync(cb));
  return (v || []).map(toRecipient);
}

/** Reads To, Cc and Bcc one after another (web clients allow few concurrent calls). */
export async function getRecipients(item: AnyItem): Promise<Recipients> {
  const to = await field(item, "to");
  const cc = await field(item, "cc");
  const bcc = await field(item, "bcc");
  return { to, cc, bcc };
}

export interface AttachmentInfo { id: string; name: string; size: number; attachmentType: string; isInline: boolean }

export async function getAttachments(item: AnyItem): Promise<AttachmentInfo[]> {
  if (typeof item.getAttachmentsAsync !== "function") return [];
  const v = await call<any[]>((cb) => item.getAttachmentsAsync(cb));
  return (v || []).map((a) => ({
    id: String(a.id),
    name: String(a.name || ""),
    size: Number(a.size || 0),
    attachmentType: String(a.attachmentType || "file"),
    isInline: !!a.isInline,
  }));
}

/** Base64 content of a file attachment, or null for cloud/item attachments and other formats. */
export async function getAttachmentBase64(item: AnyItem, id: string): Promise<string | null> {
  if (typeof item.getAttachmentContentAsync !== "function") return null;
  const v = await call<{ content: string; format: string }>((cb) => item.getAttachmentContentAsync(id, cb));
  return v && v.format === "base64" ? v.content : null;
}

export async function getBody(item: AnyItem): Promise<string> {
  if (!item.body || typeof item.body.getAsync !== "function") return "";
  const v = await call<string>((cb) => item.body.getAsync("html", cb));
  return typeof v === "string" ? v : "";
}

export async function sessionGet(item: AnyItem, key: string): Promise<string | null> {
  if (!item.sessionData || typeof item.sessionData.getAsync !== "function") return null;
  try {
    const v = await call<string>((cb) => item.sessionData.getAsync(key, cb));
    return typeof v === "string" && v !== "" ? v : null;
  } catch {
    return null; // a missing key is reported as a failure
  }
}

export async function sessionSet(item: AnyItem, key: string, value: string): Promise<void> {
  if (!item.sessionData || typeof item.sessionData.setAsync !== "function") return;
  await call<void>((cb) => item.sessionData.setAsync(key, value, cb));
}

export async function setField(item: AnyItem, name: "to" | "cc" | "bcc", list: Recipient[]): Promise<void> {
  await call<void>((cb) => item[name].setAsync(list, cb));
}

export async function addToField(item: AnyItem, name: "to" | "cc" | "bcc", list: Recipient[]): Promise<void> {
  await call<void>((cb) => item[name].addAsync(list, cb));
}

export async function notify(item: AnyItem, key: string, message: string): Promise<void> {
  if (!item.notificationMessages || typeof item.notificationMessages.replaceAsync !== "function") return;
  await call<void>((cb) =>
    item.notificationMessages.replaceAsync(key, { type: "informationalMessage", message: message.slice(0, 150), icon: "Icon.16x16", persistent: false }, cb),
  );
}
