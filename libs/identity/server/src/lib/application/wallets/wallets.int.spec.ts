import { randomUUID } from 'node:crypto';
import { FIXED_NOW_ISO } from '@bandstand/shared/domain';
import {
  type CommandMetadata,
  EventStore,
  InlineProjections,
  KERNEL_CLOCK,
  KernelModule,
} from '@bandstand/shared/event-store';
import {
  createKernelTestHarness,
  fixedKernelClock,
  type KernelTestHarness,
  projectionSpec,
  TEST_EVENT_STORE_KEY,
} from '@bandstand/shared/event-store/testing';
import { type ContextPersistence } from '@bandstand/shared/persistence';
import { MikroORM } from '@mikro-orm/postgresql';
import { type DynamicModule, Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { Wallet } from 'ethers';
import { LinkWallet } from './link-wallet/link-wallet.command';
import { UnlinkWallet } from './unlink-wallet/unlink-wallet.command';
import { walletStreamId } from './wallet-stream';
import { walletsArea } from './wallets.area';
import { WALLETS_ON_ACCOUNT_DELETED, WalletsOnAccountDeleted } from './wallets-on-account-deleted.processor';
import { WalletsProjection } from './wallets.projection';
import { WalletsQuery } from './wallets.query';
import { walletsTables } from './wallets.tables';

/** Just this area's tables, so that the test does not depend on the other areas' migrations. */
const walletsPersistence: ContextPersistence = { context: 'identity', schema: 'identity', ...walletsTables };

@Module({ imports: [...(walletsArea.imports ?? [])], providers: [...walletsArea.providers] })
class WalletsTestModule {}

const ROWS_SQL = `select address, user_id, chain_id,
  to_char(linked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as linked_at
  from identity.wallets order by address`;

const address = (): string => Wallet.createRandom().address;

describe('wallets area (real PostgreSQL)', () => {
  let kernel: KernelTestHarness;
  let app: TestingModule;
  let commands: CommandBus;
  let wallets: WalletsQuery;
  let store: EventStore;
  const ana = randomUUID();
  const bo = randomUUID();
  const as = (userId: string): CommandMetadata => ({
    correlationId: `request-${userId}`,
    actor: `user:${userId}`,
    tenantId: userId,
  });

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [walletsPersistence] });
    const orm: DynamicModule = {
      module: class TestOrmModule {},
      global: true,
      providers: [{ provide: MikroORM, useValue: kernel.orm }],
      exports: [MikroORM],
    };
    app = await Test.createTestingModule({
      imports: [
        orm,
        KernelModule.forRoot(
          { NODE_ENV: 'test', EVENT_STORE_KEY: TEST_EVENT_STORE_KEY, DATABASE_URL: kernel.database.url },
          'api',
        ),
        WalletsTestModule,
      ],
    })
      .overrideProvider(KERNEL_CLOCK)
      .useValue(fixedKernelClock())
      .compile();
    await app.init();
    commands = app.get(CommandBus);
    wallets = app.get(WalletsQuery);
    store = app.get(EventStore);
  });
  afterAll(async () => {
    await app.close();
    await kernel.close();
  });

  it('runs the wallets projection inline', () => {
    expect(app.get(InlineProjections).names).toContain('identity.wallets');
  });

  describe('LinkWallet', () => {
    it('appends WalletLinked to the address stream with the user as actor and tenant, and the row at once', async () => {
      const wallet = address();
      const result = await commands.execute(new LinkWallet(ana, wallet, 8453, as(ana)));
      expect(result.streamId).toBe(`identity-wallet-${wallet.toLowerCase()}`);
      expect(result.events).toHaveLength(1);
      expect(result.events[0]).toMatchObject({
        type: 'WalletLinked',
        data: { userId: ana, address: wallet, chainId: 8453 },
        metadata: { correlationId: `request-${ana}`, actor: `user:${ana}`, tenantId: ana, causationId: null },
      });
      await expect(wallets.byAddress(wallet)).resolves.toEqual({
        address: wallet,
        userId: ana,
        chainId: 8453,
        linkedAt: FIXED_NOW_ISO,
      });
      await expect(wallets.byAddress(wallet.toLowerCase())).resolves.toMatchObject({ userId: ana });
      await expect(wallets.ofUser(ana)).resolves.toContainEqual({
        address: wallet,
        chainId: 8453,
        linkedAt: FIXED_NOW_ISO,
      });
    });

    it('changes nothing when the user links the wallet again', async () => {
      const wallet = address();
      await commands.execute(new LinkWallet(ana, wallet, 1, as(ana)));
      const again = await commands.execute(new LinkWallet(ana, wallet, 137, as(ana)));
      expect(again).toMatchObject({ nextVersion: 1, events: [] });
      await expect(wallets.byAddress(wallet)).resolves.toMatchObject({ userId: ana, chainId: 1 });
    });

    it('refuses a wallet linked to another account, in any spelling', async () => {
      const wallet = address();
      await commands.execute(new LinkWallet(ana, wallet, 1, as(ana)));
      await expect(commands.execute(new LinkWallet(bo, wallet, 1, as(bo)))).rejects.toMatchObject({
        code: 'IDENTITY.WALLET_LINKED_ELSEWHERE',
        status: 409,
      });
      await expect(
        commands.execute(new LinkWallet(bo, wallet.toLowerCase(), 1, as(bo))),
      ).rejects.toMatchObject({
        code: 'IDENTITY.WALLET_LINKED_ELSEWHERE',
      });
      expect(await store.streamVersion(walletStreamId(wallet))).toBe(1);
      await expect(wallets.byAddress(wallet)).resolves.toMatchObject({ userId: ana });
    });
  });

  describe('UnlinkWallet', () => {
    it('removes the wallet of its owner, and lets another account link it afterwards', async () => {
      const wallet = address();
      await commands.execute(new LinkWallet(ana, wallet, 1, as(ana)));
      const result = await commands.execute(new UnlinkWallet(ana, wallet.toLowerCase(), as(ana)));
      expect(result.events).toMatchObject([
        { type: 'WalletUnlinked', data: { userId: ana, address: wallet } },
      ]);
      await expect(wallets.byAddress(wallet)).resolves.toBeNull();
      expect((await wallets.ofUser(ana)).map((each) => each.address)).not.toContain(wallet);

      await commands.execute(new LinkWallet(bo, wallet, 10, as(bo)));
      await expect(wallets.byAddress(wallet)).resolves.toMatchObject({ userId: bo, chainId: 10 });
    });

    it('answers WALLET_NOT_LINKED to anyone but the owner, and for unknown addresses', async () => {
      const wallet = address();
      await commands.execute(new LinkWallet(ana, wallet, 1, as(ana)));
      await expect(commands.execute(new UnlinkWallet(bo, wallet, as(bo)))).rejects.toMatchObject({
        code: 'IDENTITY.WALLET_NOT_LINKED',
        status: 404,
      });
      await expect(commands.execute(new UnlinkWallet(ana, address(), as(ana)))).rejects.toMatchObject({
        code: 'IDENTITY.WALLET_NOT_LINKED',
      });
      await expect(wallets.byAddress(wallet)).resolves.toMatchObject({ userId: ana });
    });
  });

  it('lists a user’s wallets oldest first, and nobody else’s', async () => {
    const carla = randomUUID();
    const first = address();
    const second = address();
    await commands.execute(new LinkWallet(carla, first, 1, as(carla)));
    await kernel.db.query(
      `update identity.wallets set linked_at = linked_at - interval '1 day' where address = $1`,
      [first],
    );
    await commands.execute(new LinkWallet(carla, second, 8453, as(carla)));
    expect((await wallets.ofUser(carla)).map((each) => each.address)).toEqual([first, second]);
    await expect(wallets.ofUser(randomUUID())).resolves.toEqual([]);
    await expect(wallets.byAddress('not an address')).resolves.toBeNull();
  });

  it('unlinks every wallet of a deleted account (processor)', async () => {
    const dan = randomUUID();
    const danWallets = [address(), address()];
    const keep = address();
    for (const wallet of danWallets) await commands.execute(new LinkWallet(dan, wallet, 1, as(dan)));
    await commands.execute(new LinkWallet(bo, keep, 1, as(bo)));
    // A row whose stream already says unlinked, as when Dan's own unlink commits while the processor
    // runs: the processor must skip it rather than fail.
    const stale = address();
    await kernel.db.query(
      `insert into identity.wallets (address, user_id, chain_id, linked_at) values ($1, $2, 1, now())`,
      [stale, dan],
    );
    const appended = await store.append(
      `identity-user-${dan}`,
      [{ type: 'AccountDeleted', data: { userId: dan } }],
      {
        expectedVersion: 'any',
        metadata: { correlationId: 'deletion-1', causationId: null, actor: `user:${dan}`, tenantId: dan },
      },
    );
    const [deleted] = (await store.readStream(`identity-user-${dan}`)).events;
    if (deleted === undefined) throw new Error('AccountDeleted was not stored');
    expect(deleted.eventId).toBe(appended.events[0]?.eventId);

    const processor = app.get(WalletsOnAccountDeleted);
    await kernel.db.transaction((tx) => processor.handle(deleted, tx));

    expect((await wallets.ofUser(dan)).map((each) => each.address)).toEqual([stale]);
    await expect(wallets.byAddress(keep)).resolves.toMatchObject({ userId: bo });
    for (const wallet of danWallets) {
      const { events } = await store.readStream(walletStreamId(wallet));
      expect(events.at(-1)).toMatchObject({
        type: 'WalletUnlinked',
        data: { userId: dan, address: wallet },
        metadata: {
          correlationId: 'deletion-1',
          causationId: deleted.eventId,
          actor: `processor:${WALLETS_ON_ACCOUNT_DELETED}`,
          tenantId: dan,
        },
      });
    }
    // Handling the event again (a redelivery) finds nothing left to unlink.
    await kernel.db.transaction((tx) => processor.handle(deleted, tx));
  });

  it('projects links and unlinks into identity.wallets', async () => {
    const [a, b] = [
      '0x71C7656EC7ab88b098defB751B7401B5f6d8976F',
      '0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B',
    ];
    await projectionSpec(new WalletsProjection(), kernel)
      .given([
        {
          type: 'WalletLinked',
          data: { userId: 'u1', address: a, chainId: 1 },
          recordedAt: '2026-01-01T00:00:00Z',
        },
        {
          type: 'WalletLinked',
          data: { userId: 'u2', address: b, chainId: 137 },
          recordedAt: '2026-01-02T00:00:00Z',
        },
        { type: 'WalletUnlinked', data: { userId: 'u1', address: a }, recordedAt: '2026-01-03T00:00:00Z' },
        {
          type: 'WalletLinked',
          data: { userId: 'u3', address: a, chainId: 8453 },
          recordedAt: '2026-01-04T00:00:00Z',
        },
        // An unlink naming someone else (never decided; a projection must not act on it).
        { type: 'WalletUnlinked', data: { userId: 'u1', address: b }, recordedAt: '2026-01-05T00:00:00Z' },
      ])
      .thenRows(ROWS_SQL, [
        { address: a, user_id: 'u3', chain_id: 8453, linked_at: '2026-01-04T00:00:00.000Z' },
        { address: b, user_id: 'u2', chain_id: 137, linked_at: '2026-01-02T00:00:00.000Z' },
      ]);
  });
});
