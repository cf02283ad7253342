import { Sleeper } from './sleeper';

// Each sleep is long enough to time the test out: only the wake or the stop can end it.
const LONG = 600_000;

describe('Sleeper', () => {
  it('ends a sleep when woken', async () => {
    const sleeper = new Sleeper();
    const sleeping = sleeper.sleep(LONG, new AbortController().signal);
    sleeper.wake();
    await expect(sleeping).resolves.toBeUndefined();
  });

  it('keeps a wake that came while awake for the next sleep, once', async () => {
    const sleeper = new Sleeper();
    sleeper.wake();
    await sleeper.sleep(LONG, new AbortController().signal);
    let ended = false;
    const next = sleeper.sleep(LONG, new AbortController().signal).then(() => {
      ended = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(false);
    sleeper.wake();
    await next;
  });

  it('ends a sleep when stopped, and does not sleep once stopped', async () => {
    const sleeper = new Sleeper();
    const stop = new AbortController();
    const sleeping = sleeper.sleep(LONG, stop.signal);
    stop.abort();
    await sleeping;
    await sleeper.sleep(LONG, stop.signal);
  });
});
