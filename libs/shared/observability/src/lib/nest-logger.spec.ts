import { Logger } from '@nestjs/common';
import { createLogger } from './logger';
import { MemoryLogDestination } from './memory-log.destination';
import { PinoNestLogger } from './nest-logger';

function setup(): { capture: MemoryLogDestination; nestLogger: PinoNestLogger } {
  const capture = new MemoryLogDestination();
  const nestLogger = new PinoNestLogger(
    createLogger({ service: 'api', level: 'trace', destination: capture }),
  );
  return { capture, nestLogger };
}

describe('PinoNestLogger', () => {
  it('maps Nest levels to pino levels and keeps the context', () => {
    const { capture, nestLogger } = setup();
    nestLogger.log('Mapped {/api/health/live, GET} route', 'RouterExplorer');
    nestLogger.warn('slow', 'Scheduler');
    nestLogger.debug('details');
    nestLogger.verbose('more details');
    nestLogger.fatal('gone');
    expect(capture.lines.map((line) => [line['level'], line['msg'], line['context']])).toEqual([
      ['info', 'Mapped {/api/health/live, GET} route', 'RouterExplorer'],
      ['warn', 'slow', 'Scheduler'],
      ['debug', 'details', undefined],
      ['trace', 'more details', undefined],
      ['fatal', 'gone', undefined],
    ]);
  });

  it('keeps the stack trace Nest passes with an error', () => {
    const { capture, nestLogger } = setup();
    const stack = new Error('bad').stack ?? '';
    nestLogger.error('Request failed', stack, 'ExceptionsHandler');
    expect(capture.lines[0]).toMatchObject({
      level: 'error',
      msg: 'Request failed',
      stack,
      context: 'ExceptionsHandler',
    });
  });

  it('logs an Error given as the message with its own message', () => {
    const { capture, nestLogger } = setup();
    nestLogger.error(new Error('connection lost'), 'Database');
    expect(capture.lines[0]).toMatchObject({
      msg: 'connection lost',
      context: 'Database',
      err: { message: 'connection lost' },
    });
  });

  it('keeps objects given as the message as details', () => {
    const { capture, nestLogger } = setup();
    nestLogger.log({ jobs: 3 }, 'Queue');
    expect(capture.lines[0]).toMatchObject({ msg: 'log entry', details: { jobs: 3 }, context: 'Queue' });
  });

  it('receives what Nest Logger instances write once installed', () => {
    const { capture, nestLogger } = setup();
    Logger.overrideLogger(nestLogger);
    try {
      new Logger('Catalog').warn('embargo date in the past');
    } finally {
      Logger.overrideLogger(true);
    }
    expect(capture.lines[0]).toMatchObject({
      level: 'warn',
      msg: 'embargo date in the past',
      context: 'Catalog',
    });
  });
});
