import { type FastifyRequest } from 'fastify';

/** The rate-limit key of a client address: `ip:<address>`. */
export function ipKey(address: string): string {
  return `ip:${address}`;
}

/** The rate-limit key of an e-mail address, by its digest (never the address itself): `email:<digest>`. */
export function emailKey(emailDigest: string): string {
  return `email:${emailDigest}`;
}

/**
 * The keys an attempt counts against: the client's address (as Fastify derived it, from
 * X-Forwarded-For only when TRUST_PROXY is set) and any further keys such as {@link emailKey}.
 */
export function clientKeys(request: Pick<FastifyRequest, 'ip'>, extra: readonly string[] = []): string[] {
  return [ipKey(request.ip), ...extra];
}
