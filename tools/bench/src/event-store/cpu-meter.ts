import { readFileSync } from 'node:fs';
import pg from 'pg';

/** CPU time per event spent by this process and by the PostgreSQL backends of the measured database. */
export interface CpuPerEvent {
  readonly clientUs: number;
  /** Null when the server's processes cannot be read (another machine, a container, no /proc). */
  readonly serverUs: number | null;
}

/** What the meter read at one moment. */
export interface CpuSnapshot {
  readonly client: NodeJS.CpuUsage;
  /** Clock ticks (user + system) per backend pid, or null when unreadable. */
  readonly backends: ReadonlyMap<number, number> | null;
}

// USER_HZ, the unit of /proc/<pid>/stat's times: 100 on every Linux this runs on.
const TICKS_PER_SECOND = 100;

function ticksOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the file.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/**
 * Reads CPU time rather than wall time: on a machine shared with other work, throughput swings with
 * the load, but the CPU an append costs its client and the server stays comparable between runs.
 * The server side is read from /proc for the backends of the measured database, so it is only
 * known when PostgreSQL runs on this machine and its processes are readable.
 */
export class CpuMeter {
  private constructor(private readonly monitor: pg.Client) {}

  static async open(databaseUrl: string): Promise<CpuMeter> {
    const monitor = new pg.Client({ connectionString: databaseUrl });
    monitor.on('error', () => undefined);
    await monitor.connect();
    return new CpuMeter(monitor);
  }

  async snapshot(): Promise<CpuSnapshot> {
    const { rows } = await this.monitor.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    // Read synchronously, all in one turn of the event loop: under load the loop is busy, and reads
    // spread over its turns would each be taken at a later moment than the one measured.
    const client = process.cpuUsage();
    const backends = new Map<number, number>();
    for (const { pid } of rows) {
      const ticks = ticksOf(pid);
      if (ticks === null) return { client, backends: null };
      backends.set(pid, ticks);
    }
    return { client, backends };
  }

  /** CPU per event between two snapshots; a backend that appeared in between counts from its start. */
  static perEvent(from: CpuSnapshot, to: CpuSnapshot, events: number): CpuPerEvent {
    const clientUs = to.client.user + to.client.system - from.client.user - from.client.system;
    let serverUs: number | null = null;
    if (from.backends && to.backends) {
      let ticks = 0;
      for (const [pid, now] of to.backends) ticks += now - (from.backends.get(pid) ?? 0);
      serverUs = (ticks * 1_000_000) / TICKS_PER_SECOND;
    }
    const per = (value: number): number => (events > 0 ? value / events : 0);
    return { clientUs: per(clientUs), serverUs: serverUs === null ? null : per(serverUs) };
  }

  async close(): Promise<void> {
    await this.monitor.end();
  }
}
