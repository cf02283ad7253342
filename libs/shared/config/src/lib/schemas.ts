import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a whole number from 1 to 65535' })
  .int('must be a whole number from 1 to 65535')
  .min(1, 'must be a whole number from 1 to 65535')
  .max(65535, 'must be a whole number from 1 to 65535');

function urlWithScheme(schemes: readonly string[], example: string) {
  const message = `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}, like ${example}`;
  return z.string({ error: message }).refine((value) => {
    try {
      return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
    } catch {
      return false;
    }
  }, message);
}

const csv = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a positive whole number' })
    .int('must be a positive whole number')
    .positive('must be a positive whole number')
    .default(fallback);

/** The event store key used when EVENT_STORE_KEY is not set; refused in production. */
export const DEVELOPMENT_EVENT_STORE_KEY = 'bandstand-development-key-never-use-in-production';

/** The access-token signing secret used when AUTH_TOKEN_SECRET is not set; refused in production. */
export const DEVELOPMENT_AUTH_TOKEN_SECRET = 'bandstand-development-token-secret-never-in-production';

/** The personal-data master key used when PERSONAL_DATA_KEY is not set; refused in production. */
export const DEVELOPMENT_PERSONAL_DATA_KEY = 'bandstand-development-personal-data-key-not-for-production';

const optionalUrl = (schemes: readonly string[], example: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), urlWithScheme(schemes, example).optional());

const optionalText = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().min(1).optional(),
);

/** Variables every Bandstand process reads. */
export const commonConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: urlWithScheme(
    ['postgres', 'postgresql'],
    'postgres://user:password@127.0.0.1:5432/bandstand',
  ).default('postgres://postgres@127.0.0.1:5432/bandstand'),
  DATABASE_POOL_MAX: positiveInt(10),
  REDIS_URL: urlWithScheme(['redis', 'rediss'], 'redis://127.0.0.1:6379/0').default(
    'redis://127.0.0.1:6379/0',
  ),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
    .default('bandstand'),
  DEPENDENCY_RETRY_MS: positiveInt(2000),
  // The HMAC key of the event store's tamper evidence. It must never be stored in the database; the
  // default only serves development and tests, and the kernel refuses it when NODE_ENV=production.
  EVENT_STORE_KEY: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_EVENT_STORE_KEY),
  // Sessions that sit idle inside a transaction hold back every reader of the global log; end them.
  DATABASE_IDLE_IN_TRANSACTION_MS: positiveInt(30_000),
  // Identity (docs/contexts/identity.md). Secrets have development defaults that production refuses.
  AUTH_TOKEN_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .default(DEVELOPMENT_AUTH_TOKEN_SECRET),
  AUTH_ACCESS_TOKEN_TTL_SECONDS: positiveInt(600),
  AUTH_REFRESH_TOKEN_TTL_DAYS: positiveInt(30),
  PERSONAL_DATA_KEY: z
    .string()
    .min(32, 'must be at least 32 characters')
    .default(DEVELOPMENT_PERSONAL_DATA_KEY),
  // outbox: messages are written as .eml files to MAIL_OUTBOX_DIR (development, tests); smtp: SMTP_URL.
  MAIL_TRANSPORT: z.enum(['outbox', 'smtp']).default('outbox'),
  MAIL_OUTBOX_DIR: z.string().min(1).default('var/mail'),
  MAIL_FROM: z.string().min(3).default('Bandstand <no-reply@bandstand.localhost>'),
  SMTP_URL: optionalUrl(['smtp', 'smtps'], 'smtps://user:password@smtp.example.org:465'),
  // hibp: the Have I Been Pwned range API (k-anonymity); list: the bundled list only; off: length rules only.
  BREACHED_PASSWORDS: z.enum(['hibp', 'list', 'off']).default('list'),
  HIBP_API_URL: urlWithScheme(['http', 'https'], 'https://api.pwnedpasswords.com').default(
    'https://api.pwnedpasswords.com',
  ),
  AUTH_OIDC_ISSUER: optionalUrl(['http', 'https'], 'https://accounts.example.org'),
  AUTH_OIDC_CLIENT_ID: optionalText,
  AUTH_OIDC_CLIENT_SECRET: optionalText,
  AUTH_OIDC_LABEL: z.string().min(1).default('Single sign-on'),
  AUTH_SPOTIFY_CLIENT_ID: optionalText,
  AUTH_SPOTIFY_CLIENT_SECRET: optionalText,
  AUTH_SPOTIFY_ACCOUNTS_URL: urlWithScheme(['http', 'https'], 'https://accounts.spotify.com').default(
    'https://accounts.spotify.com',
  ),
  AUTH_SPOTIFY_API_URL: urlWithScheme(['http', 'https'], 'https://api.spotify.com').default(
    'https://api.spotify.com',
  ),
  AUTH_SIWE_CHAIN_IDS: csv
    .refine((ids) => ids.every((id) => /^[1-9][0-9]*$/.test(id)), 'must be chain ids such as 1,137,8453')
    .transform((ids) => (ids.length === 0 ? [1, 10, 137, 8453, 31337] : ids.map(Number))),
  // Staff actions on money or credits above this many minor units need a second staff approver.
  STAFF_APPROVAL_THRESHOLD_MINOR: positiveInt(10_000),
  // The account with this e-mail address becomes a staff admin when it signs up (first install).
  STAFF_BOOTSTRAP_ADMIN_EMAIL: optionalText,
  // Where artwork and audio are kept: local (a directory, ASSET_DIR) or s3 (any S3-compatible store).
  ASSET_STORAGE: z.enum(['local', 's3']).default('local'),
  ASSET_DIR: z.string().min(1).default('var/assets'),
  S3_ENDPOINT: optionalUrl(['http', 'https'], 'https://s3.eu-west-1.amazonaws.com'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: optionalText,
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  // Path-style URLs (endpoint/bucket/key) for MinIO and other stores without virtual-hosted buckets.
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
});

/** The HTTP api process. */
export const apiConfigSchema = commonConfigSchema.extend({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: urlWithScheme(['http', 'https'], 'https://bandstand.example.org').default(
    'http://localhost:3000',
  ),
  CONSOLES_DIR: z.string().min(1).default('dist/apps'),
  CORS_ORIGINS: csv,
  BODY_LIMIT_BYTES: positiveInt(1_048_576),
  // Trust X-Forwarded-* only behind a proxy that sets them; otherwise any client could spoof them.
  TRUST_PROXY: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  // Take the viewer's territory from the x-bandstand-territory header (set by the edge from the
  // client's address, which must drop any value the client sent); otherwise every viewer is in
  // CATALOG_DEFAULT_TERRITORY.
  CATALOG_TRUST_TERRITORY_HEADER: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  // The platform's DDEX Party Id and name, written as MessageSender in exported ERN messages.
  DDEX_PARTY_ID: z
    .string()
    .regex(/^PADPIDA[0-9A-Z]{11}$/, 'must be a DDEX Party Id such as PADPIDA2014120301X')
    .default('PADPIDA0000000000B'),
  DDEX_PARTY_NAME: z.string().min(1).default('Bandstand'),
  CATALOG_DEFAULT_TERRITORY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US')
    .default('US'),
});

/** The worker process (queues, projections). */
export const workerConfigSchema = commonConfigSchema.extend({
  WORKER_CONCURRENCY: positiveInt(4),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: port.default(9464),
});

export type CommonConfig = z.output<typeof commonConfigSchema>;
export type ApiConfig = z.output<typeof apiConfigSchema>;
export type WorkerConfig = z.output<typeof workerConfigSchema>;
