/**
 * Who may send the background what: the browser tells who sent a runtime message (never the
 * payload), and only a portal page's top frame, active, over https, speaks for its tab; only the
 * extension's own pages send surface messages. Payloads are validated with zod (lib/protocol).
 */
import type { z } from 'zod';
import { portalOf } from '../flow/pages';
import { parseMessage, type Parsed } from '../protocol/messages';

/** Who sent a runtime message, as the browser tells it (never the payload). */
export interface Sender {
  /** The sender's tab, for content scripts. */
  tabId?: number | undefined;
  /** The sender document's URL. */
  url?: string | undefined;
  /** Top frame (0) or a sub-frame. */
  frameId?: number | undefined;
  /** `active`, `prerender`, `cached` (back/forward cache), `pending_deletion`: only an active document reports. */
  documentLifecycle?: string | undefined;
  /** The extension's own pages have this origin. */
  extensionOrigin: string;
}

/** A content script's sender: its tab and page, or why it is refused. */
export function contentSender(sender: Sender): { tabId: number; from: URL } | { refused: string } {
  const tabId = sender.tabId;
  const from = typeof sender.url === 'string' ? safeUrl(sender.url) : undefined;
  if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) return { refused: `message without a tab (${String(sender.url)})` };
  if (!from || !portalOf(from) || from.protocol !== 'https:') return { refused: `message from outside a portal tab (${String(sender.url)})` };
  if (sender.frameId !== undefined && sender.frameId !== 0) return { refused: 'message from a sub-frame' };
  if (sender.documentLifecycle !== undefined && sender.documentLifecycle !== 'active') return { refused: `message from a ${sender.documentLifecycle} document` };
  return { tabId, from };
}

/** The sender is one of the extension's own pages (side panel, popup, options). */
export function isExtensionPage(sender: Sender): boolean {
  const origin = sender.extensionOrigin.replace(/\/+$/, '');
  const fromUrl = typeof sender.url === 'string' ? safeUrl(sender.url) : undefined;
  // `URL.origin` is "null" for non-web schemes in some runtimes: compare scheme and host.
  return !!origin && !!fromUrl && `${fromUrl.protocol}//${fromUrl.host}` === origin;
}

/** parseMessage, which never throws (a payload whose `kind` cannot even be printed is dropped too). */
export function safeParseMessage<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  try {
    return parseMessage(schema, input);
  } catch (err) {
    return { ok: false, reason: `dropped unreadable message: ${String(err)}` };
  }
}

export function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
