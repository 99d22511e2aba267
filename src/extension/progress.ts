// Long work in the editor runs under a progress indicator whose Cancel aborts the signal the engine watches.
import * as vscode from 'vscode';

export type ProgressReport = vscode.Progress<{ message?: string; increment?: number }>;

/** `withProgress`, with the token turned into an AbortSignal (also fired by `token`, a caller's own). */
export function withAbortableProgress<T>(
  options: vscode.ProgressOptions,
  work: (signal: AbortSignal, progress: ProgressReport) => Promise<T>,
  token?: vscode.CancellationToken,
): Thenable<T> {
  return vscode.window.withProgress(options, async (progress, own) => {
    const controller = new AbortController();
    // A caller's token may be cancelled already: it would never fire again.
    if (own.isCancellationRequested || token?.isCancellationRequested) controller.abort();
    const subs = [own, token].flatMap((t) => (t ? [t.onCancellationRequested(() => controller.abort())] : []));
    try {
      return await work(controller.signal, progress);
    } finally {
      for (const s of subs) s.dispose();
    }
  });
}
