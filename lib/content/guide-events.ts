/**
 * What the overlay's buttons do (the card's, the dock's, the completion's minimize): the agent's
 * choices, shown at once and sent to the background, which confirms them in the next view.
 */
import { wayBackOf, type WarningId } from '../flow/warnings';
import type { ContentMessage } from '../protocol/messages';
import type { ContentView } from '../protocol/content-view';
import type { OverlayEvents } from './overlay/overlay';
import type { DockEvents } from './overlay/dock';
import type { GuideCase } from './guide-case';

/** The guide's state these choices touch (lib/content/guide.ts). */
export interface GuideChoices {
  readonly view: ContentView | null;
  readonly send: (msg: ContentMessage) => Promise<unknown>;
  localMinimized: boolean | null;
  readonly localDismissed: Set<string>;
  /** Path warnings the agent chose Continue anyway for (they no longer stop the guide). */
  readonly localContinued: Set<string>;
  readonly case: GuideCase;
  draw(): void;
}

export function overlayEvents(g: GuideChoices): OverlayEvents & DockEvents {
  return {
    minimize: (minimized) => {
      g.localMinimized = minimized;
      void g.send({ kind: 'minimize', minimized });
      g.draw();
    },
    warningAction: (id) => {
      const w = g.view?.warnings.find((x) => x.id === id);
      const tenantId = w?.selected?.tenantId ?? g.view?.customer?.tenantId;
      const back = wayBackOf(id as WarningId, tenantId);
      void g.send({ kind: 'open-partner-center', ...(tenantId && back.kind === 'customer' ? { tenantId } : {}) });
    },
    dismissWarning: (id) => {
      g.localDismissed.add(id);
      void g.send({ kind: 'dismiss-warning', warning: id as WarningId });
      g.draw();
    },
    continueWarning: (id) => {
      g.localContinued.add(id);
      void g.send({ kind: 'continue-warning', warning: id as WarningId });
      g.draw();
    },
    openCause: () => void g.send({ kind: 'open-admin-relationships' }),
    cardAction: () => g.case.fill(g.view?.summary ?? null),
  };
}
