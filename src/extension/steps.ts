// Pure (no `vscode`): progress counted in steps, reported sparingly. Each report is a message to the editor's
// window: on a file of 20,000 rows, one per row costs more than the rows themselves.

/** What a progress indicator takes: a message and how far the bar moves, in percent. */
export type StepReport = (update: { message: string; increment: number }) => void;

/** Minimum time between two reports; the last step is always reported. */
export const STEP_REPORT_MS = 100;

/** A function to call with the count done so far; it reports at most every STEP_REPORT_MS, moving the bar by what was done since. */
export function stepReporter(report: StepReport, total: number, message: (done: number) => string, now: () => number = Date.now): (done: number) => void {
  let shown = 0;
  let last = -Infinity;
  return (done) => {
    const t = now();
    if (done < total && t - last < STEP_REPORT_MS) return;
    last = t;
    report({ message: message(done), increment: total ? (100 * (done - shown)) / total : 100 });
    shown = done;
  };
}
