/**
 * The warnings (lib/flow/warnings.ts), each with what is wrong and the way back. A path warning
 * stops the guide until the agent chooses Continue anyway for it (its tab remembers that); it still
 * shows afterwards. Customer names render as text, isolated. And the notice that progress is not
 * being kept (the background cannot save: session storage full).
 */
import { stopsTheGuide, warningContent, type Warning } from '../lib/surfaces/surface-model';
import { send } from './hooks';
import { OpenIcon, WarningIcon } from './icons';
import { i18n, tr, trParts, type TextPart } from './text';
import { Parts } from './Isolated';

function content(w: Warning): { title: string; body: TextPart[]; action: string; href: string } {
  const c = warningContent(w);
  return { title: tr(c.title), body: trParts(c.body, [c.subs[0] ?? i18n.t('ui.warning.selectedUnknown'), c.subs[1] ?? '']), action: tr(c.action), href: c.href };
}

export function Warnings({ warnings, stopped }: { warnings: Warning[]; stopped?: Warning | null }) {
  if (warnings.length === 0) return null;
  return (
    <div class="eg-warnings">
      {warnings.map((w) => {
        const c = content(w);
        const stopping = stopped?.id === w.id && stopped.tabId === w.tabId;
        return (
          <div key={`${w.tabId}-${w.id}`} class="eg-warning" role="alert" data-warning={w.id} data-continued={w.continued ? 'true' : undefined}>
            <span class="eg-warning-icon"><WarningIcon /></span>
            <div class="eg-warning-text">
              <p class="eg-warning-title">{c.title}</p>
              <p><Parts parts={c.body} /></p>
              {stopping && <p class="eg-warning-note">{i18n.t('overlay.stopped')}</p>}
              {w.continued && <p class="eg-warning-note">{i18n.t('overlay.continued')}</p>}
              <div class="eg-warning-actions">
                <a class="eg-link" href={c.href} target="_blank" rel="noopener noreferrer" data-action="way-back">
                  {c.action}
                  <OpenIcon />
                  <span class="eg-visually-hidden">{` ${i18n.t('ui.newTab')}`}</span>
                </a>
                {stopsTheGuide(w) && !w.continued && (
                  <button type="button" class="eg-button eg-button-small" data-action="continue"
                    onClick={() => void send({ kind: 'continue-warning', tabId: w.tabId, warning: w.id })}>
                    {i18n.t('overlay.continueAnyway')}
                  </button>
                )}
              </div>
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** Shown while the background cannot save the progress: what the page shows may be lost on a restart. */
export function NotKeptNotice({ kept }: { kept: boolean }) {
  if (kept) return null;
  return (
    <div class="eg-warning" role="status" data-testid="eg-not-kept">
      <span class="eg-warning-icon"><WarningIcon /></span>
      <div class="eg-warning-text">
        <p class="eg-warning-title">{i18n.t('ui.notKept.title')}</p>
        <p>{i18n.t('ui.notKept.body')}</p>
      </div>
    </div>
  );
}
