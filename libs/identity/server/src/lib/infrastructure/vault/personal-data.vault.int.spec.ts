import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { createKernelTestHarness, type KernelTestHarness } from '@bandstand/shared/event-store/testing';
import { type ContextPersistence } from '@bandstand/shared/persistence';
import { SealedValueInvalid } from './personal-data.crypto';
import { PostgresPersonalDataVault, SubjectKeyMissing, SubjectShredded } from './personal-data.vault';
import { vaultTables } from './vault.tables';

const MASTER_KEY = 'vault-test-master-key-0123456789abcdef';
const SEALED = /^pd1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/;

const vaultPersistence: ContextPersistence = {
  context: 'identity',
  schema: 'identity',
  entities: vaultTables.entities,
  migrations: vaultTables.migrations,
};

interface KeyRowView {
  readonly key_bytes: number | null;
  readonly shredded: boolean;
}

class Rollback extends Error {}

describe('PostgresPersonalDataVault', () => {
  let kernel: KernelTestHarness;
  let vault: PostgresPersonalDataVault;
  // Another process on the same database: its own pool and cache.
  let otherDb: KernelDatabase;
  let other: PostgresPersonalDataVault;

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [vaultPersistence] });
    otherDb = new KernelDatabase(await kernel.openOrm());
  });
  afterAll(() => kernel.close());

  beforeEach(() => {
    vault = new PostgresPersonalDataVault(kernel.db, MASTER_KEY);
    other = new PostgresPersonalDataVault(otherDb, MASTER_KEY);
  });

  function keyRows(subjectId: string): Promise<KeyRowView[]> {
    return kernel.db.queryOnPool<KeyRowView>(
      `select octet_length(wrapped_key) as key_bytes, shredded_at is not null as shredded
         from identity.subject_keys where subject_id = $1`,
      [subjectId],
    );
  }

  function subject(): string {
    return `user-${randomUUID()}`;
  }

  it('seals with a fresh IV, opens in any process, and keeps one wrapped key per subject', async () => {
    const ann = subject();
    const first = await vault.seal(ann, 'ann@example.org');
    const second = await vault.seal(ann, 'ann@example.org');
    expect(first).toMatch(SEALED);
    expect(first).not.toBe(second);
    expect(first).not.toContain('ann');
    await expect(vault.open(ann, first)).resolves.toBe('ann@example.org');
    await expect(other.open(ann, second)).resolves.toBe('ann@example.org');
    await expect(new PostgresPersonalDataVault(kernel.db, MASTER_KEY).open(ann, first)).resolves.toBe(
      'ann@example.org',
    );
    await expect(keyRows(ann)).resolves.toEqual([{ key_bytes: 61, shredded: false }]);
  });

  it('round-trips any Unicode text, the empty string included', async () => {
    const zoe = subject();
    for (const text of ['', 'Zoë Ørsted-Łukasz 🎸', 'x'.repeat(10_000)]) {
      await expect(other.open(zoe, await vault.seal(zoe, text))).resolves.toBe(text);
    }
  });

  it('binds values to their subject: another subject cannot open them', async () => {
    const ann = subject();
    const bob = subject();
    const sealed = await vault.seal(ann, 'ann@example.org');
    await vault.seal(bob, 'bob@example.org');
    await expect(vault.open(bob, sealed)).rejects.toThrow(SealedValueInvalid);
    await expect(vault.open(subject(), sealed)).rejects.toThrow(SubjectKeyMissing);
  });

  it('throws on a tampered or malformed value', async () => {
    const ann = subject();
    const sealed = await vault.seal(ann, 'ann@example.org');
    const [prefix, iv = '', body = ''] = sealed.split(':');
    const flip = (text: string, at: number): string =>
      text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const tampered = [
      `${prefix}:${flip(iv, 3)}:${body}`,
      `${prefix}:${iv}:${flip(body, 2)}`,
      `${prefix}:${iv}:${flip(body, body.length - 3)}`,
      `${prefix}:${iv}:${body.slice(0, -4)}`,
      `pd2:${iv}:${body}`,
      `${prefix}:${iv}`,
      `${prefix}:${iv}:${body}=`,
      'ann@example.org',
      '',
    ];
    for (const each of tampered) {
      await expect(vault.open(ann, each)).rejects.toThrow(SealedValueInvalid);
    }
  });

  it('cannot open anything under another PERSONAL_DATA_KEY', async () => {
    const ann = subject();
    const sealed = await vault.seal(ann, 'ann@example.org');
    const foreign = new PostgresPersonalDataVault(kernel.db, 'another-master-key-0123456789abcdefgh');
    await expect(foreign.open(ann, sealed)).rejects.toThrow(SealedValueInvalid);
  });

  it('shreds for good: open answers null, nothing new can be sealed, the row stays keyless', async () => {
    const ann = subject();
    const sealed = await vault.seal(ann, 'ann@example.org');
    await expect(other.open(ann, sealed)).resolves.toBe('ann@example.org');
    await vault.shred(ann);
    await expect(vault.open(ann, sealed)).resolves.toBeNull();
    await expect(vault.seal(ann, 'ann@example.org')).rejects.toThrow(SubjectShredded);
    await expect(keyRows(ann)).resolves.toEqual([{ key_bytes: null, shredded: true }]);
    await vault.shred(ann);
    await expect(keyRows(ann)).resolves.toEqual([{ key_bytes: null, shredded: true }]);
    await expect(
      kernel.db.queryOnPool(
        `update identity.subject_keys set wrapped_key = decode(repeat('00', 61), 'hex'), shredded_at = null
          where subject_id = $1`,
        [ann],
      ),
    ).rejects.toThrow(/was shredded/);
  });

  it('tells a shredded subject from one that never had data', async () => {
    const never = subject();
    await expect(keyRows(never)).resolves.toEqual([]);
    const sealedElsewhere = await vault.seal(subject(), 'x');
    await expect(vault.open(never, sealedElsewhere)).rejects.toThrow(SubjectKeyMissing);
    await vault.shred(never);
    await expect(keyRows(never)).resolves.toEqual([{ key_bytes: null, shredded: true }]);
    await expect(vault.seal(never, 'late')).rejects.toThrow(SubjectShredded);
  });

  it('forgets a cached key in another process once its cache entry expires', async () => {
    const ann = subject();
    const shortLived = new PostgresPersonalDataVault(otherDb, MASTER_KEY, { cacheTtlMs: 100 });
    const sealed = await vault.seal(ann, 'ann@example.org');
    await expect(shortLived.open(ann, sealed)).resolves.toBe('ann@example.org');
    await vault.shred(ann);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(shortLived.open(ann, sealed)).resolves.toBeNull();
  });

  describe('inside a kernel transaction', () => {
    it('creates the key in the transaction: a rollback removes it, and no stale key stays cached', async () => {
      const ann = subject();
      await expect(
        kernel.db.transaction(async () => {
          const sealed = await vault.seal(ann, 'ann@example.org');
          await expect(vault.open(ann, sealed)).resolves.toBe('ann@example.org');
          throw new Rollback();
        }),
      ).rejects.toThrow(Rollback);
      await expect(keyRows(ann)).resolves.toEqual([]);
      // The same process seals again: a new key is stored, which other processes can use.
      const sealed = await vault.seal(ann, 'ann@example.org');
      await expect(other.open(ann, sealed)).resolves.toBe('ann@example.org');
      await expect(keyRows(ann)).resolves.toEqual([{ key_bytes: 61, shredded: false }]);
    });

    it('commits the key with the transaction', async () => {
      const ann = subject();
      const sealed = await kernel.db.transaction(async () => {
        const value = await vault.seal(ann, 'ann@example.org');
        await expect(keyRows(ann)).resolves.toEqual([]);
        return value;
      });
      await expect(keyRows(ann)).resolves.toEqual([{ key_bytes: 61, shredded: false }]);
      await expect(other.open(ann, sealed)).resolves.toBe('ann@example.org');
    });

    it('shreds with the transaction: rolled back, the data opens again; committed, it never does', async () => {
      const ann = subject();
      const sealed = await vault.seal(ann, 'ann@example.org');
      await expect(
        kernel.db.transaction(async () => {
          await vault.shred(ann);
          await expect(vault.open(ann, sealed)).resolves.toBeNull();
          throw new Rollback();
        }),
      ).rejects.toThrow(Rollback);
      await expect(vault.open(ann, sealed)).resolves.toBe('ann@example.org');
      const outsideTransaction = AsyncLocalStorage.snapshot();
      await kernel.db.transaction(async () => {
        await vault.shred(ann);
        await expect(vault.open(ann, sealed)).resolves.toBeNull();
        // Meanwhile a request outside the transaction still sees the committed key, and caches it.
        await expect(outsideTransaction(() => vault.open(ann, sealed))).resolves.toBe('ann@example.org');
      });
      await expect(vault.open(ann, sealed)).resolves.toBeNull();
    });
  });

  it('creates one key when first seals race across processes', async () => {
    const ann = subject();
    const vaults = [vault, other, new PostgresPersonalDataVault(kernel.db, MASTER_KEY)];
    const sealed = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (vaults[i % vaults.length] ?? vault).seal(ann, `value ${i}`)),
    );
    const fresh = new PostgresPersonalDataVault(otherDb, MASTER_KEY);
    for (const [i, value] of sealed.entries()) {
      await expect(fresh.open(ann, value)).resolves.toBe(`value ${i}`);
    }
    await expect(keyRows(ann)).resolves.toEqual([{ key_bytes: 61, shredded: false }]);
  });

  it('refuses subject ids it cannot store', async () => {
    await expect(vault.seal('', 'x')).rejects.toThrow('subject id');
    await expect(vault.seal('x'.repeat(201), 'x')).rejects.toThrow('subject id');
  });
});
