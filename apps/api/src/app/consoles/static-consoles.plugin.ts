import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import { type AppLogger } from '@bandstand/shared/observability';
import { pathOf, problem, sendProblem } from '@bandstand/shared/http';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/** The web consoles the api serves, each under `/<name>/`, built to `${CONSOLES_DIR}/<name>/browser`. */
export const CONSOLES = ['fan', 'creator', 'staff'] as const;

/** Name of one of the {@link CONSOLES}. */
export type ConsoleName = (typeof CONSOLES)[number];

/** Where the consoles are and what to tell the operator about them. */
export interface StaticConsolesOptions {
  /** CONSOLES_DIR, relative to the working directory or absolute. */
  readonly consolesDir: string;
  readonly logger: AppLogger;
}

/** Whether each console was found built. */
export type ConsolesAvailability = Readonly<Record<ConsoleName, boolean>>;

// Only files the Angular application builder names after their content can be cached for good:
// the bundles at the console's root (main-YE7OAVXT.js, chunk-C-E6X0Lt.js, polyfills-…, styles-…;
// chunk hashes are mixed-case) and the fonts and images it copies to media/ (media/roboto-…-
// 6JW3Q6UL.woff2). Anything else, such as a public/ file replaced in place, keeps the same name
// across releases and is only cached briefly.
const HASHED_BUNDLE = /^(?:(?:main|chunk|polyfills)-[\w-]{8}\.js|styles-[\w-]{8}\.css)$/;
const HASHED_MEDIA = /^media\/[^/]+-[A-Z0-9]{8}\.[a-z0-9]+$/;

/** Cache-Control of a file of a console's build, by its path relative to the build's root. */
export function cacheControlFor(relativePath: string): string {
  if (relativePath === 'index.html' || relativePath.endsWith('/index.html')) return 'no-cache';
  return HASHED_BUNDLE.test(relativePath) || HASHED_MEDIA.test(relativePath)
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=3600';
}

/** A deep link into the console (`/fan/wallet/history`) rather than a missing file (`/fan/missing.js`). */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return extname(pathOf(request.url)) === '' || (request.headers.accept ?? '').includes('text/html');
}

function notFound(
  request: FastifyRequest,
  reply: FastifyReply,
  detail: string,
  code: 'HTTP.NOT_FOUND' | 'CONSOLE.NOT_BUILT',
): FastifyReply {
  return sendProblem(
    reply,
    problem({ status: 404, code, detail, instance: pathOf(request.url), correlationId: request.id }),
  );
}

async function serveBuiltConsole(fastify: FastifyInstance, name: ConsoleName, root: string): Promise<void> {
  const indexHtml = join(root, 'index.html');
  await fastify.register(
    async (instance) => {
      await instance.register(fastifyStatic, {
        root,
        prefix: '/',
        index: ['index.html'],
        redirect: false,
        decorateReply: false,
        cacheControl: false,
        setHeaders: (reply, path) =>
          void reply.header('cache-control', cacheControlFor(relative(root, path).split(sep).join('/'))),
      });
      // Client-side routes have no file of their own: they get the console's page, whose router
      // takes over. Missing assets stay 404s so that a broken build shows as one.
      instance.setNotFoundHandler(async (request, reply) => {
        if (!isPageRequest(request)) {
          return notFound(
            request,
            reply,
            `The ${name} console has no file ${pathOf(request.url)}`,
            'HTTP.NOT_FOUND',
          );
        }
        const html = await readFile(indexHtml);
        return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
      });
    },
    { prefix: `/${name}` },
  );
}

function serveMissingConsole(fastify: FastifyInstance, name: ConsoleName, indexHtml: string): void {
  const detail = `The ${name} console is not built (${indexHtml} is missing). Build it with "npx nx build ${name}" and restart the api.`;
  fastify.get(`/${name}/*`, (request, reply) => notFound(request, reply, detail, 'CONSOLE.NOT_BUILT'));
}

/**
 * Serves each console's static build under `/<name>/` with a fallback to its index.html for
 * client-side routes, and redirects `/` to the fan app. A console that is not built does not stop
 * the api: it is logged once, and its path answers a 404 problem saying how to build it.
 */
export async function registerStaticConsoles(
  fastify: FastifyInstance,
  options: StaticConsolesOptions,
): Promise<ConsolesAvailability> {
  fastify.get('/', (_request, reply) => reply.redirect('/fan/', 302));
  const availability: Record<ConsoleName, boolean> = { fan: false, creator: false, staff: false };
  for (const name of CONSOLES) {
    const root = resolve(options.consolesDir, name, 'browser');
    const indexHtml = join(root, 'index.html');
    fastify.get(`/${name}`, (_request, reply) => reply.redirect(`/${name}/`, 301));
    availability[name] = existsSync(indexHtml);
    if (availability[name]) {
      await serveBuiltConsole(fastify, name, root);
    } else {
      options.logger.warn(
        { console: name, expected: indexHtml },
        `The ${name} console is not built (${indexHtml} is missing): /${name}/ answers 404 until you build it ("npx nx build ${name}") and restart the api`,
      );
      serveMissingConsole(fastify, name, indexHtml);
    }
  }
  return availability;
}
