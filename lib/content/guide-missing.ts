/**
 * The likely cause of a missing target, told to the background for the side panel: the fallback
 * card shows (or not) for the step's target, and the flow data names a likely cause for that step
 * (`Step.likelyCause`: Microsoft 365 missing on the customer's Service management page).
 */
import { stepOf } from '../flow/flow';
import type { StepId } from '../flow/ids';
import type { ContentMessage } from '../protocol/messages';

export function missingReport(send: (msg: ContentMessage) => Promise<unknown>): (step: StepId | null) => void {
  /** The step whose missing target the background was told of. */
  let sent: StepId | null = null;
  return (step) => {
    const missing = step && stepOf(step).likelyCause ? step : null;
    if (missing === sent) return;
    const was = sent;
    sent = missing;
    void send({ kind: 'target-missing', step: (missing ?? was)!, missing: !!missing });
  };
}
