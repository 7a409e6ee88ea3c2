/**
 * What a trusted click on the ringed target reports to the background: the step and click, the
 * link it went through, and for a click that picks the customer (`Click.picksCustomer`) who it
 * picked.
 */
import type { Customer } from '../engine/state';
import type { Candidate } from '../flow/flow';
import type { StepId } from '../flow/ids';
import { DOMAIN, customerTenantFromUrl, isGuid } from '../flow/tenant';
import type { ContentMessage } from '../protocol/messages';
import type { Found } from './dom/target-tracker';
import { flatText } from './dom/names';
import { stripBidiControls } from '../flow/text';
import { hrefIn } from './shared';

/**
 * The report of a click whose composed path is `path`; null when it did not go through the target
 * (or its `clickWithin` part, unless `chosen`: a choice made in the target without a click on one
 * of its options, seen by its `change` event).
 */
export function clickReport(path: readonly EventTarget[], found: Found<Candidate>, step: StepId, clickIndex: number, chosen = false): Extract<ContentMessage, { kind: 'clicked' }> | null {
  const i = path.indexOf(found.el);
  if (i < 0) return null;
  const within = found.click.clickWithin;
  if (within && !chosen && !path.slice(0, i + 1).some((n) => n instanceof Element && n.matches(within))) return null;
  const msg: Extract<ContentMessage, { kind: 'clicked' }> = { kind: 'clicked', step, clickIndex, last: found.data.last };
  if (found.click.picksCustomer) {
    // The list's click is inside the target (a name in the grid); a row's control is inside the row.
    const customer = customerFromPath(found.click.picksCustomer === 'list' ? path.slice(0, i) : path.slice(i), found.el);
    if (customer) msg.customer = customer;
  }
  const href = hrefIn(path, found.el);
  if (href) msg.href = href;
  return msg;
}

/**
 * Who a click in the customer list (or on a control in a customer's row) picked, from the part of
 * its path that tells: the tenant id from the row's or cell's id (`row-<tenantId>`,
 * `cell-<column>-<tenantId>`, as the real grid has them: the portal facts in
 * test/replica/README.md) or a customer link, the name from the name cell, the domain from the
 * domain cell.
 */
function customerFromPath(path: readonly EventTarget[], target: Element): Customer | undefined {
  let tenantId: string | undefined;
  let nameEl: Element | undefined;
  let row: Element | undefined;
  for (const n of path) {
    if (!(n instanceof Element)) continue;
    const id = n.id;
    let m: RegExpExecArray | null;
    if (!nameEl && /^cell-displayName-/i.test(id)) nameEl = n;
    if (!tenantId && (m = /^row-(.+)$/.exec(id)) && isGuid(m[1])) {
      tenantId = m[1]!;
      row = n;
    }
    if (!tenantId && (m = /^cell-[A-Za-z]+-(.+)$/.exec(id)) && isGuid(m[1])) tenantId = m[1]!;
    if (!tenantId && n instanceof HTMLAnchorElement) tenantId = customerTenantFromUrl(n.href);
  }
  if (!tenantId) return undefined;
  const root = (row ?? nameEl ?? target).getRootNode() as Document | ShadowRoot;
  nameEl ??= root.getElementById?.(`cell-displayName-${tenantId}`) ?? undefined;
  const name = nameEl ? stripBidiControls(flatText(nameEl, 300)) : '';
  const domain = (root.getElementById?.(`cell-domainName-${tenantId}`)?.textContent ?? '').trim();
  const out: Customer = { tenantId: tenantId.toLowerCase() };
  if (name && name.length <= 300) out.name = name;
  if (DOMAIN.test(domain) && domain.length <= 253) out.domain = domain.toLowerCase();
  return out;
}
