import { Client, escapeIdentifier } from 'pg';
import { databaseLocation, serverAddress, withDatabase } from './database-url';
import { CONNECT_TIMEOUT_MS } from './orm-options';
import { describePostgresProblem, PostgresUnavailableError, postgresUnavailable } from './postgres-problem';

const MAINTENANCE_DATABASE = 'postgres';

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client whose server goes away emits 'error'; unhandled, that would end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates the database named in `url` when it does not exist, through the `postgres` maintenance
 * database of the same server. Resolves to whether it created it.
 */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  try {
    await withClient(url, () => Promise.resolve());
    return false;
  } catch (error) {
    if (!hasCode(error, '3D000')) throw postgresUnavailable(error, url);
  }
  const location = databaseLocation(url);
  const server = `PostgreSQL at ${serverAddress(location)}`;
  try {
    await withClient(withDatabase(url, MAINTENANCE_DATABASE), (client) =>
      client.query(`create database ${escapeIdentifier(location.database)}`),
    );
    return true;
  } catch (error) {
    // Another process created it between our two connections: that is what we wanted. A
    // concurrent CREATE DATABASE often loses on the catalog's unique index (23505) rather than
    // with duplicate_database (42P04).
    if (hasCode(error, '42P04') || hasCode(error, '23505')) return false;
    if (hasCode(error, '42501')) {
      throw new PostgresUnavailableError(
        `Database "${location.database}" does not exist on ${server} and user "${location.user}" may not create it: create it yourself (createdb ${location.database}) or give the user CREATEDB`,
        { cause: error },
      );
    }
    throw new PostgresUnavailableError(
      `Database "${location.database}" does not exist on ${server} and it could not be created through the "${MAINTENANCE_DATABASE}" maintenance database (${describePostgresProblem(error, url)}): create it yourself (createdb ${location.database}) or point DATABASE_URL at an existing database`,
      { cause: error },
    );
  }
}

/** Runs `work` while holding a session advisory lock, so two processes never migrate at once. */
export async function withAdvisoryLock<T>(url: string, key: number, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw postgresUnavailable(error, url);
  }
  try {
    await client.query('select pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    // Ending the session releases the lock even if the unlock is never sent.
    await client.end().catch(() => undefined);
  }
}
