import { runWithCorrelation } from './correlation';
import { createLogger, wantsPrettyLogs } from './logger';
import { MemoryLogDestination } from './memory-log.destination';

describe('createLogger', () => {
  it('writes one JSON object per event with time, level, service and msg', () => {
    const capture = new MemoryLogDestination();
    const logger = createLogger({ service: 'api', level: 'info', destination: capture });
    logger.info({ releaseId: 'r-1' }, 'release published');
    expect(capture.lines).toHaveLength(1);
    const line = capture.lines[0] ?? {};
    expect(line).toMatchObject({ level: 'info', service: 'api', msg: 'release published', releaseId: 'r-1' });
    expect(new Date(String(line['time'])).toISOString()).toBe(line['time']);
    expect(line).not.toHaveProperty('pid');
    expect(line).not.toHaveProperty('hostname');
  });

  it('adds the correlation id of the current run, and only inside one', () => {
    const capture = new MemoryLogDestination();
    const logger = createLogger({ service: 'api', level: 'info', destination: capture });
    runWithCorrelation('corr-42', () => logger.info('inside'));
    logger.info('outside');
    expect(capture.lines[0]).toMatchObject({ msg: 'inside', correlationId: 'corr-42' });
    expect(capture.lines[1]).not.toHaveProperty('correlationId');
  });

  it('lets an explicit correlation id win over the current one', () => {
    const capture = new MemoryLogDestination();
    const logger = createLogger({ service: 'api', level: 'info', destination: capture });
    runWithCorrelation('ambient', () => logger.info({ correlationId: 'explicit' }, 'request completed'));
    expect(capture.lines[0]?.['correlationId']).toBe('explicit');
  });

  it('drops events below the configured level', () => {
    const capture = new MemoryLogDestination();
    const logger = createLogger({ service: 'worker', level: 'warn', destination: capture });
    logger.info('chatty');
    logger.warn('careful');
    expect(capture.messages()).toEqual(['careful']);
  });

  it('serializes errors with their stack under err', () => {
    const capture = new MemoryLogDestination();
    const logger = createLogger({ service: 'api', level: 'info', destination: capture });
    logger.error({ err: new Error('boom') }, 'failed');
    expect(capture.lines[0]).toMatchObject({ level: 'error', err: { message: 'boom', type: 'Error' } });
    expect(String((capture.lines[0]?.['err'] as { stack: string }).stack)).toContain('boom');
  });
});

describe('wantsPrettyLogs', () => {
  it('is only for development on a terminal', () => {
    expect(wantsPrettyLogs('development', true)).toBe(true);
    expect(wantsPrettyLogs('development', false)).toBe(false);
    expect(wantsPrettyLogs('development', undefined)).toBe(false);
    expect(wantsPrettyLogs('production', true)).toBe(false);
    expect(wantsPrettyLogs('test', true)).toBe(false);
    expect(wantsPrettyLogs(undefined, true)).toBe(false);
  });
});
