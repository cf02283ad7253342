import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  Body,
  type CanActivate,
  Controller,
  type ExecutionContext,
  Global,
  HttpCode,
  Injectable,
  Module,
  Param,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { IsInt, IsString, Length } from 'class-validator';
import fc from 'fast-check';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { DomainError, isProblemDetails, type ProblemDetails } from '@bandstand/shared/contracts';
import { configureHttpApp, createFastifyAdapter } from '@bandstand/shared/http';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { eventually } from '@bandstand/shared/testing';
import { KERNEL_ROLE } from '../kernel.tokens';
import { KernelDatabase } from '../sql/kernel-database';
import { type EventMetadata } from '../store/event';
import { EventStore } from '../store/event-store';
import { createKernelTestHarness, type KernelTestHarness } from '../testing/kernel-test-harness';
import { Idempotent } from './idempotent.decorator';
import { IdempotencyModule } from './idempotency.module';

class PayoutDto {
  @IsInt()
  amount!: number;

  @IsString()
  @Length(3, 3)
  currency!: string;
}

class PayoutLimitExceeded extends DomainError {
  constructor(amount: number) {
    super('PAYOUTS.LIMIT_EXCEEDED', `A payout of ${amount} is above the limit of 10000`, { field: 'amount' });
  }
}

interface Gate {
  readonly entered: Promise<void>;
  enter(): void;
  release(): void;
  readonly released: Promise<void>;
}

function gate(): Gate {
  let enter: () => void = () => undefined;
  let release: () => void = () => undefined;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return { entered, enter, release, released };
}

/** What the test steers and observes of the command handler, per payout id. */
const controls = {
  executions: new Map<string, number>(),
  crashOnce: new Set<string>(),
  gates: new Map<string, Gate>(),
};

// Stands in for the authentication guard of issue 4: the caller it establishes scopes the keys.
const callers = new WeakMap<object, string>();

@Injectable()
class TestCallerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = request.headers['x-test-caller'];
    if (typeof caller === 'string') callers.set(request, caller);
    return true;
  }
}

const metadata: EventMetadata = { correlationId: 'c-1', causationId: null, actor: 'user:1', tenantId: 't-1' };

@Controller()
@UseGuards(TestCallerGuard)
class PayoutsController {
  constructor(
    private readonly db: KernelDatabase,
    private readonly store: EventStore,
  ) {}

  @Post('payouts/:id')
  @Idempotent()
  request(@Param('id') id: string, @Body() body: PayoutDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.requestPayout(id, body, reply);
  }

  @Post('payouts/:id/patient')
  @Idempotent({ waitMs: 30_000 })
  patient(@Param('id') id: string, @Body() body: PayoutDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.requestPayout(id, body, reply);
  }

  @Post('payouts/:id/impatient')
  @Idempotent({ waitMs: 50 })
  impatient(
    @Param('id') id: string,
    @Body() body: PayoutDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.requestPayout(id, body, reply);
  }

  @Post('credits/:id')
  @Idempotent({ required: true })
  credit(@Param('id') id: string, @Body() body: PayoutDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.requestPayout(id, body, reply);
  }

  @Post('payouts/:id/export')
  @Idempotent()
  async export(@Param('id') id: string): Promise<Readable> {
    controls.executions.set(id, (controls.executions.get(id) ?? 0) + 1);
    await this.store.append(`payout-${id}`, [{ type: 'PayoutExported', data: {} }], {
      expectedVersion: 'any',
      metadata,
    });
    return Readable.from(['a,b\n']);
  }

  @Post('payouts/:id/cancel')
  @HttpCode(204)
  @Idempotent()
  async cancel(@Param('id') id: string): Promise<void> {
    controls.executions.set(id, (controls.executions.get(id) ?? 0) + 1);
    await this.store.append(`payout-${id}`, [{ type: 'PayoutCancelled', data: {} }], {
      expectedVersion: 'any',
      metadata,
    });
  }

  private async requestPayout(id: string, body: PayoutDto, reply: FastifyReply) {
    controls.executions.set(id, (controls.executions.get(id) ?? 0) + 1);
    return this.db.transaction(async () => {
      const appended = await this.store.append(
        `payout-${id}`,
        [{ type: 'PayoutRequested', data: { amount: body.amount, currency: body.currency } }],
        { expectedVersion: 'any', metadata },
      );
      const held = controls.gates.get(id);
      if (held) {
        held.enter();
        await held.released;
      }
      if (controls.crashOnce.delete(id)) throw new Error('the payment provider timed out');
      if (body.amount > 10_000) throw new PayoutLimitExceeded(body.amount);
      reply.header('location', `/api/v1/payouts/${id}`);
      // A new ticket on every execution: a replay shows the first one.
      return {
        payoutId: id,
        amount: body.amount,
        currency: body.currency,
        version: appended.nextVersion,
        ticket: randomUUID(),
      };
    });
  }
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

describe('@Idempotent() over HTTP', () => {
  let kernel: KernelTestHarness;
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ poolMax: 12 });
    @Global()
    @Module({
      providers: [
        { provide: KernelDatabase, useValue: kernel.db },
        { provide: EventStore, useValue: kernel.store },
        { provide: KERNEL_ROLE, useValue: 'api' },
      ],
      exports: [KernelDatabase, EventStore, KERNEL_ROLE],
    })
    class KernelStubModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({
          service: 'api',
          level: 'warn',
          destination: new MemoryLogDestination(),
        }),
        KernelStubModule,
        IdempotencyModule.forRoot({ caller: (request) => callers.get(request) }),
      ],
      controllers: [PayoutsController],
      providers: [TestCallerGuard],
    }).compile();
    const config = { PUBLIC_URL: 'http://localhost:3000', CORS_ORIGINS: [], BODY_LIMIT_BYTES: 65_536 };
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
      bufferLogs: true,
    });
    await configureHttpApp(app, config);
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api/v1`;
  });

  afterAll(async () => {
    await app?.close();
    await kernel?.close();
  });

  async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  const withKey = (key: string, caller?: string) => ({
    'idempotency-key': key,
    ...(caller === undefined ? {} : { 'x-test-caller': caller }),
  });

  function problemOf(answer: Answer): ProblemDetails {
    const parsed: unknown = JSON.parse(answer.text);
    if (!isProblemDetails(parsed)) throw new Error(`not a problem: ${answer.text}`);
    return parsed;
  }

  async function eventsOf(id: string): Promise<string[]> {
    return (await kernel.store.readStream(`payout-${id}`)).events.map((event) => event.type);
  }

  async function keyRows(key: string): Promise<number> {
    const [row] = await kernel.db.query<{ n: number }>(
      'select count(*)::int as n from kernel.idempotency_keys where idempotency_key = $1',
      [key],
    );
    return row?.n ?? 0;
  }

  const executionsOf = (id: string) => controls.executions.get(id) ?? 0;

  it('replays the first answer, byte for byte, for the same key and request, and runs it once', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const first = await post(`/payouts/${id}`, { amount: 100, currency: 'EUR' }, withKey(key));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same JSON with its keys in another order is the same request.
    const again = await post(`/payouts/${id}`, '{"currency":"EUR","amount":100}', withKey(key));
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(`/api/v1/payouts/${id}`);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('x-correlation-id')).not.toBe(first.headers.get('x-correlation-id'));
    expect(JSON.parse(first.text)).toMatchObject({ payoutId: id, amount: 100, version: 1 });
    expect(executionsOf(id)).toBe(1);
    expect(await eventsOf(id)).toEqual(['PayoutRequested']);
  });

  it('rejects the key for another body or another resource, and runs nothing', async () => {
    const id = randomUUID();
    const key = randomUUID();
    expect((await post(`/payouts/${id}`, { amount: 100, currency: 'EUR' }, withKey(key))).status).toBe(201);
    for (const [path, body] of [
      [`/payouts/${id}`, { amount: 101, currency: 'EUR' }],
      [`/payouts/${randomUUID()}`, { amount: 100, currency: 'EUR' }],
    ] as const) {
      const reused = await post(path, body, withKey(key));
      expect(reused.status).toBe(422);
      expect(reused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(problemOf(reused)).toMatchObject({
        code: 'KERNEL.IDEMPOTENCY_KEY_REUSED',
        errors: [{ field: 'Idempotency-Key', code: 'KERNEL.IDEMPOTENCY_KEY_REUSED' }],
      });
    }
    expect(executionsOf(id)).toBe(1);
    expect(await eventsOf(id)).toEqual(['PayoutRequested']);
  });

  it('runs a burst of identical requests exactly once: the others replay or are told it is in progress', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom('', '/impatient'),
        async (amount, route) => {
          const id = randomUUID();
          const key = randomUUID();
          const answers = await Promise.all(
            Array.from({ length: 20 }, () =>
              post(`/payouts/${id}${route}`, { amount, currency: 'EUR' }, withKey(key)),
            ),
          );
          expect(executionsOf(id)).toBe(1);
          expect(await eventsOf(id)).toEqual(['PayoutRequested']);
          const created = answers.filter((answer) => answer.status === 201);
          const refused = answers.filter((answer) => answer.status !== 201);
          expect(created.filter((answer) => answer.headers.get('idempotent-replayed') === null)).toHaveLength(
            1,
          );
          expect(new Set(created.map((answer) => answer.text)).size).toBe(1);
          for (const answer of refused) {
            expect(answer.status).toBe(409);
            expect(problemOf(answer).code).toBe('KERNEL.IDEMPOTENCY_REQUEST_IN_PROGRESS');
          }
        },
      ),
      { numRuns: 6 },
    );
  });

  it('makes a duplicate wait for the running request and then replays its answer', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const held = gate();
    controls.gates.set(id, held);
    const first = post(`/payouts/${id}/patient`, { amount: 5, currency: 'EUR' }, withKey(key));
    await held.entered;
    const duplicate = post(`/payouts/${id}/patient`, { amount: 5, currency: 'EUR' }, withKey(key));
    await eventually(async () => {
      const [row] = await kernel.db.queryOnPool<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query like '%idempotency_keys%'`,
      );
      expect(row?.n).toBe(1);
    });
    held.release();
    const [one, two] = await Promise.all([first, duplicate]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.text).toBe(one.text);
    expect(two.headers.get('idempotent-replayed')).toBe('true');
    expect(executionsOf(id)).toBe(1);
  });

  it('answers 409 in progress when the wait runs out, and the first request still completes', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const held = gate();
    controls.gates.set(id, held);
    const first = post(`/payouts/${id}/impatient`, { amount: 5, currency: 'EUR' }, withKey(key));
    await held.entered;
    const early = await post(`/payouts/${id}/impatient`, { amount: 5, currency: 'EUR' }, withKey(key));
    expect(early.status).toBe(409);
    expect(problemOf(early).code).toBe('KERNEL.IDEMPOTENCY_REQUEST_IN_PROGRESS');
    held.release();
    const done = await first;
    expect(done.status).toBe(201);
    const late = await post(`/payouts/${id}/impatient`, { amount: 5, currency: 'EUR' }, withKey(key));
    expect(late.text).toBe(done.text);
    expect(late.headers.get('idempotent-replayed')).toBe('true');
    expect(executionsOf(id)).toBe(1);
    expect(await eventsOf(id)).toEqual(['PayoutRequested']);
  });

  it("stores a domain error as the answer and replays it, while the command's writes roll back", async () => {
    const id = randomUUID();
    const key = randomUUID();
    const first = await post(`/payouts/${id}`, { amount: 20_000, currency: 'EUR' }, withKey(key));
    expect(first.status).toBe(422);
    expect(first.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(first.headers.get('location')).toBeNull();
    expect(problemOf(first)).toMatchObject({
      code: 'PAYOUTS.LIMIT_EXCEEDED',
      instance: `/api/v1/payouts/${id}`,
      errors: [{ field: 'amount', code: 'PAYOUTS.LIMIT_EXCEEDED' }],
    });
    expect(problemOf(first).correlationId).toBe(first.headers.get('x-correlation-id'));
    const again = await post(`/payouts/${id}`, { amount: 20_000, currency: 'EUR' }, withKey(key));
    expect(again.status).toBe(422);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('cache-control')).toBe('no-store');
    expect(executionsOf(id)).toBe(1);
    expect(await eventsOf(id)).toEqual([]);
  });

  it('keeps no key when the command fails unexpectedly, so that a retry runs it', async () => {
    const id = randomUUID();
    const key = randomUUID();
    controls.crashOnce.add(id);
    const failed = await post(`/payouts/${id}`, { amount: 7, currency: 'EUR' }, withKey(key));
    expect(failed.status).toBe(500);
    expect(problemOf(failed).code).toBe('INTERNAL.UNEXPECTED');
    expect(await keyRows(key)).toBe(0);
    expect(await eventsOf(id)).toEqual([]);
    const retried = await post(`/payouts/${id}`, { amount: 7, currency: 'EUR' }, withKey(key));
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(executionsOf(id)).toBe(2);
    expect(await eventsOf(id)).toEqual(['PayoutRequested']);
  });

  it('commits the command with its key: an answer that cannot be stored rolls back its writes', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const answer = await post(`/payouts/${id}/export`, {}, withKey(key));
    expect(answer.status).toBe(500);
    expect(executionsOf(id)).toBe(1);
    expect(await eventsOf(id)).toEqual([]);
    expect(await keyRows(key)).toBe(0);
  });

  it('keeps no key when the body fails validation, so that the corrected request runs', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const invalid = await post(`/payouts/${id}`, { amount: 'ten', currency: 'EUR' }, withKey(key));
    expect(invalid.status).toBe(400);
    expect(problemOf(invalid).code).toBe('VALIDATION.FAILED');
    expect(await keyRows(key)).toBe(0);
    const corrected = await post(`/payouts/${id}`, { amount: 10, currency: 'EUR' }, withKey(key));
    expect(corrected.status).toBe(201);
    expect(executionsOf(id)).toBe(1);
  });

  it('runs the request again once its key has expired', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const first = await post(`/payouts/${id}`, { amount: 3, currency: 'EUR' }, withKey(key));
    await kernel.db.query(
      "update kernel.idempotency_keys set expires_at = now() - interval '1 second' where idempotency_key = $1",
      [key],
    );
    const later = await post(`/payouts/${id}`, { amount: 3, currency: 'EUR' }, withKey(key));
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(later.text).not.toBe(first.text);
    expect(executionsOf(id)).toBe(2);
    expect(await eventsOf(id)).toEqual(['PayoutRequested', 'PayoutRequested']);
  });

  it.each([
    ['an empty key', ''],
    ['a key of 256 characters', 'k'.repeat(256)],
    ['a key with a space', 'two words'],
    ['a key with non-ASCII text', 'cl\u00e9'],
  ])('answers 400 naming the Idempotency-Key field for %s, and runs nothing', async (_, key) => {
    const id = randomUUID();
    const answer = await post(`/payouts/${id}`, { amount: 1, currency: 'EUR' }, withKey(key));
    expect(answer.status).toBe(400);
    expect(problemOf(answer)).toMatchObject({
      code: 'KERNEL.IDEMPOTENCY_KEY_INVALID',
      errors: [{ field: 'Idempotency-Key', code: 'KERNEL.IDEMPOTENCY_KEY_INVALID' }],
    });
    expect(executionsOf(id)).toBe(0);
  });

  it('accepts a key of 255 visible characters', async () => {
    const answer = await post(
      `/payouts/${randomUUID()}`,
      { amount: 1, currency: 'EUR' },
      withKey('~'.repeat(255)),
    );
    expect(answer.status).toBe(201);
  });

  it('answers 428 on a route that requires a key when it is missing', async () => {
    const id = randomUUID();
    const missing = await post(`/credits/${id}`, { amount: 1, currency: 'EUR' });
    expect(missing.status).toBe(428);
    expect(problemOf(missing)).toMatchObject({
      code: 'KERNEL.IDEMPOTENCY_KEY_REQUIRED',
      errors: [{ field: 'Idempotency-Key' }],
    });
    expect(executionsOf(id)).toBe(0);
    expect((await post(`/credits/${id}`, { amount: 1, currency: 'EUR' }, withKey(randomUUID()))).status).toBe(
      201,
    );
  });

  it('runs every request without a key on a route where the key is optional', async () => {
    const id = randomUUID();
    for (let i = 0; i < 2; i++) {
      expect((await post(`/payouts/${id}`, { amount: 1, currency: 'EUR' })).status).toBe(201);
    }
    expect(executionsOf(id)).toBe(2);
  });

  it("keeps one caller's keys apart from another's", async () => {
    const id = randomUUID();
    const key = randomUUID();
    const alice = await post(
      `/payouts/${id}`,
      { amount: 9, currency: 'EUR' },
      withKey(key, 'tenant:a/user:alice'),
    );
    const bob = await post(
      `/payouts/${id}`,
      { amount: 9, currency: 'EUR' },
      withKey(key, 'tenant:b/user:bob'),
    );
    expect(bob.headers.get('idempotent-replayed')).toBeNull();
    expect(bob.text).not.toBe(alice.text);
    const aliceAgain = await post(
      `/payouts/${id}`,
      { amount: 9, currency: 'EUR' },
      withKey(key, 'tenant:a/user:alice'),
    );
    expect(aliceAgain.text).toBe(alice.text);
    expect(executionsOf(id)).toBe(2);
  });

  it('replays an empty 204 answer', async () => {
    const id = randomUUID();
    const key = randomUUID();
    const first = await post(`/payouts/${id}/cancel`, {}, withKey(key));
    const again = await post(`/payouts/${id}/cancel`, {}, withKey(key));
    expect([first.status, again.status]).toEqual([204, 204]);
    expect([first.text, again.text]).toEqual(['', '']);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(executionsOf(id)).toBe(1);
    expect(await eventsOf(id)).toEqual(['PayoutCancelled']);
  });
});
