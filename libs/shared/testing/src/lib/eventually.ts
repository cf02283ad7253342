const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_INTERVAL_MS = 20;

/**
 * Runs `assertion` until it stops throwing and returns its result; after `timeoutMs` rethrows its
 * last error, so the test fails with the assertion's own message. Waits on a state change (a log
 * line written, a dependency seen down) for as long as a loaded machine needs, never longer.
 */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  intervalMs = DEFAULT_INTERVAL_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, remaining)));
    }
  }
}
