/**
 * What must never leave the page in a taught locator or a page report: customers' names, tenant
 * ids, domains, emails, and anything that looks like them. Pure.
 */
import { GUID } from '../../flow/tenant';
import { normalizeLabel } from '../../flow/labels';
import type { ContentView } from '../../protocol/content-view';

/** What the page and the flow know of the customer whose data the page may show. */
export interface Known {
  /** Names, tenant ids and domains known on this page (the flow's customer, the page's customer name). */
  values: readonly string[];
}

/** The customer data the tab's view and page name: the flow's customer, the warnings' customers, the name the page shows. */
export function knownOf(view: ContentView | null, pageName: string | undefined): Known {
  const people = [view?.customer, ...(view?.warnings ?? []).map((w) => w.selected)];
  const values = people.flatMap((c) => (c ? [c.name, c.tenantId, c.domain] : []));
  values.push(pageName, ...(view?.warnings ?? []).map((w) => w.opened?.value));
  return { values: values.filter((x): x is string => !!x) };
}

/** A row of a grid or table: a customer's, an order's; names read in one are never kept. */
export const ROW = '[role="row"], tr';

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const DOMAIN_LIKE = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|biz|info|us|uk|de|jp|kr|cn|fr|es|ca|au|microsoft|[a-z]{2})\b/i;
const LONG_NUMBER = /\d{4,}/;
/** A person's or a company's name: two to four capitalized words (Contoso Ltd, Jane Doe), or a legal form. */
const PERSON = /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’.-]*){1,3}$/u;
const LEGAL_FORM = /\b(?:ltd|inc|llc|gmbh|ag|sa|sas|bv|plc|corp|co|kk|pty)\b\.?|주식회사|유한회사|株式会社|有限会社|有限公司|股份/iu;

/** Whether a text shows customer data: an id, an email, a domain, a long number, or what the page and the flow know of the customer. */
export function namesCustomer(text: string, known: Known): boolean {
  const key = normalizeLabel(text);
  if (!key) return false;
  if (GUID.test(text) || EMAIL.test(text) || DOMAIN_LIKE.test(text) || LONG_NUMBER.test(text)) return true;
  // The customer's own name, id or domain, whole or in part (a name's first word in a breadcrumb).
  return known.values.some((v) => v && (key.includes(normalizeLabel(v)) || (key.length >= 4 && normalizeLabel(v).includes(key))));
}

/**
 * Whether a text shows or looks like customer data (`namesCustomer`, or a person's or a company's
 * name: two to four capitalized words, a legal form). `labels`: texts known to be the portal's own,
 * kept even where they look like a name ("Service Management").
 */
export function looksPrivate(text: string, known: Known, labels?: ReadonlySet<string>): boolean {
  if (labels?.has(normalizeLabel(text))) return false;
  return namesCustomer(text, known) || PERSON.test(text.trim()) || LEGAL_FORM.test(text);
}

/** A URL with its GUIDs, emails, domains (but the portal's own host) and query values masked. */
export function maskUrl(href: string, known: Known): string {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return '{unreadable}';
  }
  const part = (s: string) =>
    s.split('/').map((seg) => {
      const d = safeDecode(seg);
      if (GUID.test(d)) return d.replace(new RegExp(GUID.source, 'gi'), '{guid}');
      if (EMAIL.test(d)) return '{email}';
      if (DOMAIN_LIKE.test(d) || LONG_NUMBER.test(d) || known.values.some((v) => v && normalizeLabel(d).includes(normalizeLabel(v)))) return '{value}';
      return seg;
    }).join('/');
  const query = (q: string) => {
    const p = new URLSearchParams(q);
    return p.size ? `?${[...p.keys()].map((k) => `${encodeURIComponent(k)}={value}`).join('&')}` : '';
  };
  const [route = '', routeQuery = ''] = u.hash.slice(1).split('?');
  const hash = u.hash ? `#${part(route)}${routeQuery ? query(routeQuery) : ''}` : '';
  return `${u.protocol}//${u.host}${part(u.pathname)}${query(u.search)}${hash}`;
}

/** A URL part decoded, or as it is where it is not valid percent-encoding. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
