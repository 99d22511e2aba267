// Giving up on a run whose grader fails the same way again and again (endpoint down, key rejected, budget
// spent, no answer): a thousand more rows or documents would only repeat the failure, for minutes or hours.
import { messages } from './report/messages';
import type { ReasonLanguage } from './types';

/** Rows or documents that fail one after another for the same reason before a run gives up on the rest. */
export const GIVE_UP_AFTER = 3;

export class FailureStreak {
  private reason: string | undefined;
  private count = 0;

  /** Records one item's outcome: its failure reason, or undefined when it was graded. Returns the reason when the run should give up. */
  record(failed: string | undefined): string | undefined {
    if (failed === undefined) {
      this.count = 0;
      return undefined;
    }
    this.count = failed === this.reason ? this.count + 1 : 1;
    this.reason = failed;
    return this.count >= GIVE_UP_AFTER ? failed : undefined;
  }
}

/** The line a run over documents writes when it gave up: the reason, and how many documents it never tried. */
export function gaveUpLine(reason: string, untried: number, language: ReasonLanguage = 'en'): string {
  return messages(language).gaveUp(GIVE_UP_AFTER, reason, untried);
}
