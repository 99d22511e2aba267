// Tasks one after another, in the order they come, for work where each may rewrite the same file (renames followed
// in .claimcheck.json). Free of vscode, so that it can be tested on its own.

/** Runs tasks one at a time, in order; a task that fails is reported and the next one runs anyway. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  /**
   * Runs `task` once those added before it are done. Its failure goes to `onError`, never to the tasks after it: one
   * rename that cannot be followed must not stop every later one. Resolves when the task is done; never rejects.
   */
  add(task: () => Promise<void>, onError: (err: unknown) => void): Promise<void> {
    this.tail = this.tail.then(task).catch((err: unknown) => {
      try {
        onError(err);
      } catch {
        // Telling the user failed too: the queue still goes on.
      }
    });
    return this.tail;
  }
}
