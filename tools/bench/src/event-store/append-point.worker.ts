import { Logger } from '@nestjs/common';
import pg from 'pg';
import { type ContenderName, type PointSample, type PointSpec } from './append-bench.types';
import { runAppendLoad } from './append-load.runner';
import { openBandstandStore } from './bandstand-store.contender';
import { type OpenContender } from './contender';
import { CpuMeter } from './cpu-meter';
import { openEmmett } from './emmett.contender';
import { openRawInsert } from './raw-insert.contender';

const OPEN: Record<ContenderName, OpenContender> = {
  raw: openRawInsert,
  emmett: openEmmett,
  store: openBandstandStore,
};

// Setting up a contender writes its schema; flushing that now keeps a checkpoint out of the window.
async function checkpoint(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('checkpoint');
  } catch {
    // Only superusers and pg_checkpoint may; without it the figures are just a little noisier.
  } finally {
    await client.end();
  }
}

/** Makes one measurement: sets the contender up on a fresh database, loads it, tears it down. */
export async function measureAppendPoint(spec: PointSpec): Promise<PointSample> {
  // The store's notifier logs at debug level when its last NOTIFY meets the closed pool at teardown.
  Logger.overrideLogger(['fatal', 'error', 'warn']);
  const session = await OPEN[spec.contender](spec.clients);
  try {
    await checkpoint(session.databaseUrl);
    const meter = await CpuMeter.open(session.databaseUrl);
    try {
      const at = (ms: number) =>
        new Promise<void>((resolve) => setTimeout(resolve, ms)).then(() => meter.snapshot());
      const windowStart = at(spec.warmupMs);
      const windowEnd = at(spec.warmupMs + spec.durationMs);
      // Awaited below; if the load fails first, their outcome no longer matters.
      windowStart.catch(() => undefined);
      windowEnd.catch(() => undefined);
      const load = await runAppendLoad(session, spec, spec);
      const cpu = CpuMeter.perEvent(await windowStart, await windowEnd, load.events);
      return {
        contender: spec.contender,
        run: spec.run,
        clients: spec.clients,
        batch: spec.batch,
        events: load.events,
        appends: load.appends,
        seconds: load.seconds,
        eventsPerSecond: load.events / load.seconds,
        latencyP50Ms: load.latencyP50Ms,
        latencyP99Ms: load.latencyP99Ms,
        clientCpuUsPerEvent: cpu.clientUs,
        serverCpuUsPerEvent: cpu.serverUs,
      };
    } finally {
      await meter.close();
    }
  } finally {
    await session.close();
  }
}
