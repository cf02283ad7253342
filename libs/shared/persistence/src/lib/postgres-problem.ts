import { UNREACHABLE_NETWORK_CODES } from '@bandstand/shared/observability';
import { databaseLocation, serverAddress } from './database-url';

// What pg says when it gives up connecting (connectionTimeoutMillis) or the server goes away.
const CONNECTION_LOST = /timeout expired|connection timeout|Connection terminated/i;

/** Thrown when PostgreSQL cannot be used; the message says what is wrong and how to fix it. */
export class PostgresUnavailableError extends Error {
  readonly code = 'PERSISTENCE.POSTGRES_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PostgresUnavailableError';
  }
}

interface ErrorFacts {
  readonly code?: string;
  readonly message: string;
}

function facts(error: unknown): ErrorFacts[] {
  const found: ErrorFacts[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const record = value as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    found.push({
      code: typeof record.code === 'string' ? record.code : undefined,
      message: typeof record.message === 'string' ? record.message : '',
    });
    visit(record.cause);
    if (Array.isArray(record.errors)) record.errors.forEach(visit);
  };
  visit(error);
  return found;
}

/**
 * Turns an error from the pg driver into one sentence an operator can act on. The URL's password
 * never appears in it.
 */
export function describePostgresProblem(error: unknown, url: string): string {
  const location = databaseLocation(url);
  const where = `PostgreSQL at ${serverAddress(location)}`;
  const all = facts(error);
  const codes = all.map((f) => f.code).filter((code): code is string => code !== undefined);
  const messages = all.map((f) => f.message).join(' ');
  const unreachable = codes.find((code) => UNREACHABLE_NETWORK_CODES.has(code));
  if (unreachable !== undefined || CONNECTION_LOST.test(messages)) {
    const reason = unreachable ?? 'no answer in time';
    return `${where} is not reachable (${reason}): start it (docker compose up -d postgres) or point DATABASE_URL at your server`;
  }
  if (codes.includes('3D000')) {
    return `${where} has no database "${location.database}": create it with \`npm run db:migrate\` or point DATABASE_URL at an existing database`;
  }
  if (codes.includes('28P01') || codes.includes('28000')) {
    return `${where} refused user "${location.user}" (${codes.includes('28P01') ? 'wrong password' : 'not allowed'}): fix the credentials in DATABASE_URL`;
  }
  if (codes.includes('57P03')) {
    return `${where} is starting up or shutting down and does not accept connections yet: wait and try again`;
  }
  const password = safePassword(url);
  const detail = password ? messages.split(password).join('***') : messages;
  return `${where} failed: ${detail.trim() || 'unknown error'}`;
}

function safePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

/** Wraps any driver error into a PostgresUnavailableError with an actionable message. */
export function postgresUnavailable(error: unknown, url: string): PostgresUnavailableError {
  if (error instanceof PostgresUnavailableError) return error;
  return new PostgresUnavailableError(describePostgresProblem(error, url), { cause: error });
}

/** Whether an error means the server could not be used at all (as opposed to a failing statement). */
export function isConnectionProblem(error: unknown): boolean {
  const all = facts(error);
  return all.some(
    (f) =>
      (f.code !== undefined &&
        (UNREACHABLE_NETWORK_CODES.has(f.code) || ['3D000', '28P01', '28000', '57P03'].includes(f.code))) ||
      CONNECTION_LOST.test(f.message),
  );
}
