import { UNREACHABLE_NETWORK_CODES } from '@bandstand/shared/observability';
import { redisAddress, redisLocation } from './redis-connection';

/** Thrown when Redis cannot be used; the message says what is wrong and how to fix it. */
export class RedisUnavailableError extends Error {
  readonly code = 'QUEUES.REDIS_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RedisUnavailableError';
  }
}

function codesAndMessages(error: unknown): { codes: string[]; messages: string } {
  const codes: string[] = [];
  const messages: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const record = value as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
      lastNodeError?: unknown;
    };
    if (typeof record.code === 'string') codes.push(record.code);
    if (typeof record.message === 'string') messages.push(record.message);
    visit(record.cause);
    visit(record.lastNodeError);
    if (Array.isArray(record.errors)) record.errors.forEach(visit);
  };
  visit(error);
  return { codes, messages: messages.join(' ') };
}

/** Whether an error only says that Redis is not there (as opposed to a failing command). */
export function isRedisConnectionProblem(error: unknown): boolean {
  const { codes, messages } = codesAndMessages(error);
  return (
    codes.some((code) => UNREACHABLE_NETWORK_CODES.has(code)) ||
    /Connection is closed|connect ETIMEDOUT|Stream isn't writeable/i.test(messages)
  );
}

/** One sentence an operator can act on; the URL's password never appears in it. */
export function describeRedisProblem(error: unknown, url: string): string {
  const where = `Redis at ${redisAddress(redisLocation(url))}`;
  const { codes, messages } = codesAndMessages(error);
  const unreachable = codes.find((code) => UNREACHABLE_NETWORK_CODES.has(code));
  if (unreachable !== undefined || /Connection is closed|Stream isn't writeable/i.test(messages)) {
    return `${where} is not reachable (${unreachable ?? 'no connection'}): start it (docker compose up -d redis) or point REDIS_URL at your server`;
  }
  if (/NOAUTH|WRONGPASS|invalid password|invalid username/i.test(messages)) {
    return `${where} refused the credentials in REDIS_URL: fix the user name or password there`;
  }
  const password = new URL(url).password;
  const detail = password ? messages.split(decodeURIComponent(password)).join('***') : messages;
  return `${where} failed: ${detail.trim() || 'unknown error'}`;
}
