import { handleFatalErrors } from './fatal-errors';
import { createLogger } from './logger';
import { MemoryLogDestination } from './memory-log.destination';

describe('handleFatalErrors', () => {
  it('logs an unhandled rejection as one fatal line with its stack, then exits with 1', () => {
    const logs = new MemoryLogDestination();
    const exits: number[] = [];
    const before = process.listeners('unhandledRejection').length;
    const dispose = handleFatalErrors(
      createLogger({ service: 'worker', level: 'info', destination: logs }),
      (code) => exits.push(code),
    );
    try {
      const listeners = process.listeners('unhandledRejection');
      expect(listeners).toHaveLength(before + 1);
      listeners.at(-1)?.(new TypeError('cannot read properties of undefined'), Promise.resolve());
    } finally {
      dispose();
    }
    expect(exits).toEqual([1]);
    expect(logs.lines).toHaveLength(1);
    expect(logs.lines[0]).toMatchObject({
      level: 'fatal',
      service: 'worker',
      msg: 'Unhandled promise rejection, stopping: TypeError: cannot read properties of undefined',
      err: { type: 'TypeError' },
    });
    expect(process.listeners('unhandledRejection')).toHaveLength(before);
  });

  it('logs an uncaught exception the same way', () => {
    const logs = new MemoryLogDestination();
    const exits: number[] = [];
    const dispose = handleFatalErrors(
      createLogger({ service: 'api', level: 'info', destination: logs }),
      (code) => exits.push(code),
    );
    try {
      process.listeners('uncaughtException').at(-1)?.(new Error('socket hang up'), 'uncaughtException');
    } finally {
      dispose();
    }
    expect(exits).toEqual([1]);
    expect(logs.messages('fatal')).toEqual(['Uncaught exception, stopping: Error: socket hang up']);
  });
});
