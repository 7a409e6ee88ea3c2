/**
 * The side panel's "Copy page report": the page report of the flow's portal tab (built by its content
 * script, lib/content/heal/report.ts), copied to the clipboard: what the maintainers need when the
 * guide cannot find a control, without customer data.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { copyText } from './clipboard';
import { i18n } from './text';

export function PageReport({ tabId }: { tabId: number | undefined }) {
  const [status, setStatus] = useState<'copied' | 'none' | ''>('');
  const copy = async () => {
    setStatus('');
    const answer = tabId === undefined ? undefined : ((await browser.runtime.sendMessage({ kind: 'page-report', tabId }).catch(() => undefined)) as { report?: unknown } | undefined);
    const report = typeof answer?.report === 'string' ? answer.report : null;
    setStatus(report && (await copyText(report)) ? 'copied' : 'none');
  };
  return (
    <section class="eg-section" aria-labelledby="eg-report-title" data-testid="eg-report">
      <h2 id="eg-report-title" class="eg-visually-hidden">{i18n.t('ui.pageReport')}</h2>
      <p class="eg-hint" id="eg-report-hint">{i18n.t('ui.pageReportHint')}</p>
      <div>
        <button type="button" class="eg-button" data-testid="eg-page-report" aria-describedby="eg-report-hint" onClick={() => void copy()}>
          {i18n.t('ui.pageReport')}
        </button>
      </div>
      <p role="status" class={status ? 'eg-note' : 'eg-visually-hidden'} data-testid="eg-report-status" data-status={status}>
        {status === 'copied' ? i18n.t('ui.pageReportCopied') : status === 'none' ? i18n.t('ui.pageReportNone') : ''}
      </p>
    </section>
  );
}
