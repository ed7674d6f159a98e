// Reading Adaptive Cards in messages.
import type { PlaygroundMessage } from "./playground.js";

/** The first Adaptive Card of a message, or undefined. */
export function adaptiveCard(message: PlaygroundMessage): any | undefined {
  return message.attachments.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content;
}

/** All `text` and `title` strings of a card, joined with newlines, for "does it say …" checks. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if ((key === "text" || key === "title") && typeof value === "string") parts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return parts.join("\n");
}

/** The actions of a card (top-level `actions`), to find the one to press. */
export function cardActions(card: any): any[] {
  return Array.isArray(card?.actions) ? card.actions : [];
}
