import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the result of the first attempt that passes', async () => {
    let attempts = 0;
    const result = await eventually(
      () => {
        attempts += 1;
        if (attempts < 3) throw new Error(`not yet (${attempts})`);
        return 'done';
      },
      5_000,
      1,
    );
    expect(result).toBe('done');
    expect(attempts).toBe(3);
  });

  it('waits for asynchronous assertions', async () => {
    let ready = false;
    setTimeout(() => (ready = true), 10);
    await expect(
      eventually(async () => {
        await Promise.resolve();
        expect(ready).toBe(true);
        return ready;
      }),
    ).resolves.toBe(true);
  });

  it('rethrows the last failure once the time is up, after at least one attempt', async () => {
    let attempts = 0;
    const failure = await eventually(
      () => {
        attempts += 1;
        throw new Error(`still failing (${attempts})`);
      },
      200,
      5,
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(`still failing (${attempts})`);
    expect(attempts).toBeGreaterThanOrEqual(2);
  });
});
