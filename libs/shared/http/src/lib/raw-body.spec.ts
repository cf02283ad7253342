import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { Body, Controller, Module, Post, Req } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type FastifyRequest } from 'fastify';
import { IsString } from 'class-validator';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { DomainError } from './domain-error';
import { configureHttpApp, createFastifyAdapter, type HttpConfig } from './http-app';
import { hasRawBody, RawBody, readRequestBody } from './raw-body';

const LIMIT = 64 * 1024;

class NoteDto {
  @IsString()
  note!: string;
}

@Controller('probe')
class UploadProbeController {
  @RawBody()
  @Post('upload')
  async upload(@Req() request: FastifyRequest): Promise<{ bytes: number; sha256: string; raw: boolean }> {
    const body = await readRequestBody(
      request,
      LIMIT,
      () => new DomainError('TEST.TOO_LARGE', `Larger than ${LIMIT} bytes`, { status: 413 }),
    );
    return {
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      raw: hasRawBody(request),
    };
  }

  @Post('note')
  note(@Body() body: NoteDto): NoteDto {
    return body;
  }
}

@Module({
  imports: [
    ObservabilityModule.forRoot({ service: 'api', level: 'fatal', destination: new MemoryLogDestination() }),
  ],
  controllers: [UploadProbeController],
})
class UploadProbeModule {}

// BODY_LIMIT_BYTES is far below the upload limit: raw bodies must not be held to it.
const config: HttpConfig = { PUBLIC_URL: 'http://localhost:3000', CORS_ORIGINS: [], BODY_LIMIT_BYTES: 1024 };

let app: NestFastifyApplication;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({ imports: [UploadProbeModule] }).compile();
  app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
    bufferLogs: true,
  });
  await configureHttpApp(app, config);
  await app.init();
  await app.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await app.close();
});

function bytes(count: number): Buffer {
  return Buffer.from(Array.from({ length: count }, (_, i) => (i * 7) % 256));
}

/** An endless body that counts how much of it was pulled. */
class EndlessBody extends Readable {
  produced = 0;

  override _read(): void {
    const chunk = Buffer.alloc(4096, 0x61);
    this.produced += chunk.length;
    this.push(chunk);
  }
}

describe('raw request bodies', () => {
  it.each([
    'image/png',
    'audio/flac',
    'application/octet-stream',
    'application/xml',
    'text/xml; charset=utf-8',
    'text/csv',
    'application/vnd.bandstand.import+json',
  ])('hands the handler the exact bytes of a %s body beyond BODY_LIMIT_BYTES', async (type) => {
    const body = bytes(LIMIT);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/upload',
      headers: { 'content-type': type },
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      bytes: LIMIT,
      sha256: createHash('sha256').update(body).digest('hex'),
      raw: true,
    });
  });

  it('still parses JSON bodies, limited to BODY_LIMIT_BYTES', async () => {
    const small = await app.inject({ method: 'POST', url: '/api/v1/probe/note', payload: { note: 'hi' } });
    expect(small.json()).toEqual({ note: 'hi' });
    const large = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/note',
      payload: { note: 'x'.repeat(2048) },
    });
    expect(large.statusCode).toBe(413);
  });

  it('answers a raw type sent to a route that does not read raw bodies with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/note',
      headers: { 'content-type': 'text/csv' },
      payload: 'note\nhi\n',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'HTTP.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('refuses a declared Content-Length over the limit before reading anything', async () => {
    const payload = new EndlessBody();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/upload',
      headers: { 'content-type': 'image/png', 'content-length': String(LIMIT + 1) },
      payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'TEST.TOO_LARGE' });
    expect(response.headers['connection']).toBe('close');
  });

  it('stops reading a body without Content-Length as soon as it passes the limit', async () => {
    const payload = new EndlessBody();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/upload',
      headers: { 'content-type': 'audio/wav' },
      payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'TEST.TOO_LARGE' });
    // What streams may buffer ahead of the reader (a few high-water marks), never the endless rest.
    expect(payload.produced).toBeLessThan(LIMIT + 256 * 1024);
  });

  it('answers a real client that keeps sending with 413 and closes the connection', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const answer = await new Promise<{
      status: number | undefined;
      connection: string | undefined;
      body: string;
    }>((resolve, reject) => {
      const client = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/probe/upload',
          headers: { 'content-type': 'image/jpeg', 'transfer-encoding': 'chunked' },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode, connection: response.headers.connection, body: text }),
          );
        },
      );
      client.on('error', reject);
      // Four times the limit, in pieces, as an uploading client would send it.
      const piece = bytes(16 * 1024);
      for (let i = 0; i < 16; i++) client.write(piece);
      client.end();
    });
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'TEST.TOO_LARGE' });
  });

  it('tells raw bodies from parsed ones by their Content-Type', () => {
    expect(hasRawBody({ headers: { 'content-type': 'IMAGE/PNG' } })).toBe(true);
    expect(hasRawBody({ headers: { 'content-type': 'text/csv; charset=utf-8' } })).toBe(true);
    expect(hasRawBody({ headers: { 'content-type': 'application/json' } })).toBe(false);
    expect(hasRawBody({ headers: {} })).toBe(false);
  });
});
