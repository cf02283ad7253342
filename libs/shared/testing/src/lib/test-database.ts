import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';

/** A throwaway database for one test file; `drop` ends its sessions and removes it. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The PostgreSQL server tests use: DATABASE_URL's server, or the local default. */
export function testDatabaseServerUrl(): string {
  return process.env['DATABASE_URL'] ?? DEFAULT_SERVER_URL;
}

function urlFor(database: string): string {
  const url = new URL(testDatabaseServerUrl());
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function onMaintenanceDatabase(work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: urlFor('postgres'), connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** A database name no other test run uses: the prefix and 12 random hex digits. */
export function uniqueDatabaseName(prefix = 'bandstand_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/**
 * Creates an empty database with a unique name on the test server (through the `postgres`
 * maintenance database) and returns its URL.
 */
export async function createTestDatabase(prefix = 'bandstand_test'): Promise<TestDatabase> {
  const name = uniqueDatabaseName(prefix);
  await onMaintenanceDatabase((client) => client.query(`create database ${escapeIdentifier(name)}`));
  return { name, url: urlFor(name), drop: () => dropTestDatabase(name) };
}

/** Drops a test database, ending the sessions a pool may still hold on it first. */
export async function dropTestDatabase(name: string): Promise<void> {
  await onMaintenanceDatabase(async (client) => {
    await client.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    // WITH (FORCE) also ends a session that reconnected after the terminate (a listener's retry).
    await client.query(`drop database if exists ${escapeIdentifier(name)} with (force)`);
  });
}
