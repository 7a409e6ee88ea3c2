import type { SurfaceView } from '../lib/surfaces/surface-model';
import { LogoMark } from './icons';
import { i18n } from './text';

/** The page header: the product, and the progress ("4 of 11") with a bar. */
export function Header({ view, showBar = false }: { view: SurfaceView | null; showBar?: boolean }) {
  const p = view?.progress;
  const text = p ? i18n.t('ui.progress', [String(p.passed), String(p.total)]) : '';
  return (
    <header class="eg-header">
      <LogoMark />
      <div class="eg-header-text">
        <h1 class="eg-title">{i18n.t('ui.appTitle')}</h1>
        <span class="eg-subtitle">{i18n.t('ui.appSubtitle')}</span>
        {p && view?.flow && showBar && (
          <div
            class="eg-progress"
            role="progressbar"
            aria-label={i18n.t('ui.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={p.total}
            aria-valuenow={p.passed}
            aria-valuetext={text}
          >
            <span style={{ width: `${(100 * p.passed) / p.total}%` }} />
          </div>
        )}
      </div>
      {p && view?.flow && <span class="eg-progress-text" data-testid="eg-progress">{text}</span>}
    </header>
  );
}
