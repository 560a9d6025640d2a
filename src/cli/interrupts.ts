const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** How long an interrupted run may take to end by itself. */
const GRACE_MS = 3000;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP abort the run through `controller`:
 * no further issue starts, Chromium is killed, what is in flight ends and
 * the summary is printed. Should the run not have ended GRACE_MS later, or
 * at a second signal, the process ends at once with 130: the `exit` handlers
 * still kill Chromium, and the next run removes what was left in the
 * temporary folder. Returns the function that stops listening.
 */
export function abortOnInterrupt(controller: AbortController, sayInterrupted: () => void): () => void {
  const endNow = () => {
    sayInterrupted();
    process.exit(130);
  };
  const interrupt = () => {
    if (controller.signal.aborted) return endNow();
    controller.abort(new Error('interrupted'));
    setTimeout(endNow, GRACE_MS).unref();
  };
  for (const signal of SIGNALS) process.on(signal, interrupt);
  return () => {
    for (const signal of SIGNALS) process.off(signal, interrupt);
  };
}
