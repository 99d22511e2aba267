// Pure (no `vscode`): what the language status item says about one document, so tests can read it.

/** Why a check gave no result, as the status item says it. */
export const UNCHECKED = ['no-references', 'too-large', 'not-text', 'no-key', 'is-reference'] as const;
export type UncheckedStatus = (typeof UNCHECKED)[number];

/** Why a result may be out of date: its text was edited, a reference changed, or it was moved (its references are those of its old place). */
export type Stale = 'edited' | 'references' | 'moved';

export interface StatusState {
  /** The last check's counts, when one published a result. */
  result?: { claims: number; contradicted: number; unsupported: number; notJudged?: number; stale?: Stale; partial?: boolean };
  /** Why the last check gave no result (no references, too large): newer than `result`, whose findings stay. */
  unchecked?: { status: UncheckedStatus; message: string };
}

export interface StatusView {
  text: string;
  detail: string;
  warning: boolean;
}

/** `vscode.l10n.t` in the extension; any formatter of `{0}` placeholders in tests. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

export function statusView(state: StatusState, t: Translate): StatusView {
  const { result, unchecked } = state;
  if (unchecked) {
    const text = {
      'no-references': () => t('$(warning) No references'),
      'too-large': () => t('$(warning) Too large to check'),
      // Binary (NUL characters) or blank: the message says which.
      'not-text': () => t('$(warning) No text to check'),
      'no-key': () => t('$(warning) No API key'),
      'is-reference': () => t('$(references) Reference document'),
    }[unchecked.status]();
    return { text, detail: unchecked.message, warning: unchecked.status !== 'is-reference' };
  }
  if (!result) return { text: '$(checklist) ClaimCheck', detail: t('Not checked yet'), warning: false };
  const { claims, contradicted, unsupported } = result;
  const notJudged = result.notJudged ?? 0;
  const text =
    notJudged > 0
      ? t('$(warning) {0} contradicted, {1} unsupported, {2} not judged', contradicted, unsupported, notJudged)
      : contradicted + unsupported > 0
      ? t('$(warning) {0} contradicted, {1} unsupported', contradicted, unsupported)
      : claims === 0
        ? t('$(check) No claims to check')
        : claims === 1
          ? t('$(check) 1 claim supported')
          : t('$(check) {0} claims supported', claims);
  const detail =
    result.stale === 'edited'
      ? t('Edited since the last check')
      : result.stale === 'references'
        ? t('References changed since the last check')
        : result.stale === 'moved'
          ? t('Moved since the last check: checked against the references of its old place')
          : result.partial
            ? t('Only a selection checked: run Check Claims without one for the whole document')
            : t('Up to date');
  return { text, detail, warning: contradicted > 0 || notJudged > 0 };
}
