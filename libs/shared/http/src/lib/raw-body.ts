import { type IncomingMessage } from 'node:http';
import { RouteConfig } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

/**
 * Content types whose bodies Fastify leaves unread (uploads, imports) on routes marked
 * {@link RawBody}: their handlers read `request.raw` themselves with {@link readRequestBody}, under
 * a limit of their own instead of BODY_LIMIT_BYTES.
 */
export const RAW_BODY_CONTENT_TYPES: readonly (string | RegExp)[] = [
  /^image\//,
  /^audio\//,
  'application/octet-stream',
  'application/xml',
  'text/xml',
  'text/csv',
  'application/vnd.bandstand.import+json',
];

/**
 * Marks a route whose handler reads bodies of {@link RAW_BODY_CONTENT_TYPES} itself with
 * {@link readRequestBody}. Every other route answers such bodies with 415, as it would any type it
 * does not take, instead of running without its body.
 */
export function RawBody(): MethodDecorator {
  return RouteConfig({ bandstandRawBody: true });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by {@link RawBody}: the handler reads bodies of raw types itself. */
    bandstandRawBody?: boolean;
  }
}

// Requests whose body was given up half-read: their answer must close the connection, or the
// unread rest of the body would be taken for the next request on a kept-alive socket.
const abandoned = new WeakSet<IncomingMessage>();

/**
 * Registers pass-through parsers for {@link RAW_BODY_CONTENT_TYPES} on a Fastify instance (on
 * {@link RawBody} routes the body stays unread and `request.body` undefined; elsewhere 415), and
 * makes the answer to a request whose body {@link readRequestBody} gave up close its connection.
 */
export function registerRawBodyParsers(fastify: FastifyInstance): void {
  for (const contentType of RAW_BODY_CONTENT_TYPES) {
    fastify.addContentTypeParser(contentType, (request, _payload, done) => {
      if (request.routeOptions.config.bandstandRawBody === true) done(null, undefined);
      else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), undefined);
    });
  }
  fastify.addHook('onSend', (request, reply, _payload, done) => {
    if (abandoned.has(request.raw)) reply.header('connection', 'close');
    done();
  });
}

/** Whether the request's body was left unread for {@link readRequestBody} (its type is a raw one). */
export function hasRawBody(request: Pick<FastifyRequest, 'headers'>): boolean {
  const header = request.headers['content-type'];
  if (header === undefined) return false;
  const mediaType = (header.split(';')[0] ?? '').trim().toLowerCase();
  return RAW_BODY_CONTENT_TYPES.some((type) =>
    typeof type === 'string' ? type === mediaType : type.test(mediaType),
  );
}

function giveUp(request: FastifyRequest): void {
  abandoned.add(request.raw);
  // Stop reading: TCP backpressure holds the client back until the answer closes the connection.
  // Destroying the stream here would destroy the socket, and the client would never see the answer.
  request.raw.pause();
}

/**
 * Reads the whole body of a request whose type is one of {@link RAW_BODY_CONTENT_TYPES}, refusing
 * with `tooLarge()` as soon as it is known to exceed `maxBytes`: up front from Content-Length, or
 * while reading, as soon as more than `maxBytes` arrived (the rest is never read).
 */
export function readRequestBody(
  request: FastifyRequest,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  const stream = request.raw;
  if (stream.readableEnded || request.body !== undefined) {
    return Promise.reject(
      new Error(`The body of ${request.method} ${request.url} was parsed already: it is not of a raw type`),
    );
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    giveUp(request);
    return Promise.reject(tooLarge());
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += bytes.length;
      if (received > maxBytes) {
        stop();
        giveUp(request);
        reject(tooLarge());
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    const onClose = (): void => {
      stop();
      reject(new Error('The client went away before the whole body arrived'));
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.once('close', onClose);
    stream.resume();
  });
}
