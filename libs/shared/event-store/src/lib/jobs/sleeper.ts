import { type CommitListener } from '../notify/commit-notifier';

/**
 * The idle wait of a background loop: ends after its time, at an announced commit (when given a
 * listener), when stopped, or when woken. A wake that comes while the loop is busy ends its next
 * wait at once, so that no wake-up is lost.
 */
export class Sleeper {
  private woken = false;
  private current: AbortController | undefined;

  constructor(private readonly listener?: CommitListener) {}

  wake(): void {
    this.woken = true;
    this.current?.abort();
  }

  async sleep(ms: number, stop: AbortSignal): Promise<void> {
    if (this.woken || stop.aborted) {
      this.woken = false;
      return;
    }
    const controller = new AbortController();
    const onStop = (): void => controller.abort();
    stop.addEventListener('abort', onStop, { once: true });
    this.current = controller;
    try {
      if (this.listener !== undefined) {
        await this.listener.wait(ms, controller.signal);
      } else {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          controller.signal.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              resolve();
            },
            { once: true },
          );
        });
      }
    } finally {
      stop.removeEventListener('abort', onStop);
      this.current = undefined;
      this.woken = false;
    }
  }
}
