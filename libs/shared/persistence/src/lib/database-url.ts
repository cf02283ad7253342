/** Where a PostgreSQL URL points, without its credentials: safe to print. */
export interface DatabaseLocation {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

const DEFAULT_PORT = 5432;

/** Reads host, port, database and user from a postgres:// URL; never returns the password. */
export function databaseLocation(url: string): DatabaseLocation {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const user = decodeURIComponent(parsed.username);
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost',
    port: parsed.port ? Number(parsed.port) : DEFAULT_PORT,
    database: database || user || 'postgres',
    user: user || 'postgres',
  };
}

/** `host:port`, as printed in messages. */
export function serverAddress(location: DatabaseLocation): string {
  return location.host.includes(':')
    ? `[${location.host}]:${location.port}`
    : `${location.host}:${location.port}`;
}

/** The same server and credentials, pointed at another database (e.g. the `postgres` maintenance db). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The URL with its password replaced, for logs. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
