// Entry point of the event-based runtime. Classic Outlook on Windows loads this single file in its
// JavaScript-only runtime (no DOM, no Office.onReady), so handlers are bound with
// Office.actions.associate right at load. Other clients load commands.html, which loads this file.
import { moveToBccCommand, onItemChangedHandler, onMessageSendHandler } from "./office/handlers";

/** The action ids used in both manifests (unified: runtimes[].actions[].id; XML: FunctionName). */
export const ACTIONS = {
  onMessageSendHandler,
  onRecipientsChangedHandler: onItemChangedHandler,
  onAttachmentsChangedHandler: onItemChangedHandler,
  moveToBcc: moveToBccCommand,
};

/* eslint-disable @typescript-eslint/no-explicit-any */
const office: any = typeof Office !== "undefined" ? Office : null;
if (office && office.actions && typeof office.actions.associate === "function") {
  for (const name of Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]) office.actions.associate(name, ACTIONS[name]);
}
