export type FindingKind = "exposed-recipients" | "contact-group" | "student-file" | "unreadable-attachment" | "sharing-link";
/** info: shown in the task pane only; warning: Smart Alert the user may override; high: Smart Alert, stronger wording. */
export type Severity = "info" | "warning" | "high";

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  attachmentName?: string;
  message: string;
  /** Knowledge entry this finding explains, and a link to it (empty when the policy has no bot id). */
  knowledgeEntryId: string;
  knowledgeUrl: string;
  /** Machine-readable detail for tools and tests: counts and signal names, never content. */
  details: Record<string, number | string | boolean | string[]>;
}

export interface Recipient {
  displayName: string;
  emailAddress: string;
  /** Outlook's recipientType ("user", "externalUser", "distributionList", "other"), when the client gave one. */
  recipientType?: string;
}
export interface Recipients { to: Recipient[]; cc: Recipient[]; bcc: Recipient[] }

export type RecipientClass = "self" | "school" | "partner" | "private" | "external" | "invalid";
