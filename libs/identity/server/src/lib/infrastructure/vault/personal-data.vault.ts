import { randomBytes } from 'node:crypto';
import { type KernelDatabase } from '@bandstand/shared/event-store';
import { type PersonalDataVault } from '../../ports/personal-data.port';
import {
  DATA_KEY_BYTES,
  keyEncryptionKey,
  openValue,
  sealValue,
  unwrapDataKey,
  wrapDataKey,
} from './personal-data.crypto';

/** Sealing for a subject whose key was shredded: a deleted account gets no new personal data. */
export class SubjectShredded extends Error {
  constructor(readonly subjectId: string) {
    super(`Subject ${subjectId} was shredded: no personal data can be sealed for it any more`);
    this.name = new.target.name;
  }
}

/** Opening a value of a subject that never had a key: the value was not sealed here for that subject. */
export class SubjectKeyMissing extends Error {
  constructor(readonly subjectId: string) {
    super(`Subject ${subjectId} has no personal-data key: the value was not sealed for this subject`);
    this.name = new.target.name;
  }
}

/** Options of {@link PostgresPersonalDataVault}. */
export interface VaultOptions {
  /**
   * How long an unwrapped key is kept in this process (60 s by default). Shredding in this process
   * forgets the key at once; another process's copy lives until it expires.
   */
  readonly cacheTtlMs?: number;
  /** Keys kept at most (10,000 by default); the least recently used go first. */
  readonly cacheSize?: number;
}

interface KeyRow {
  readonly wrapped_key: Buffer | null;
}

interface CachedKey {
  readonly key: Buffer;
  readonly expiresAt: number;
}

const MAX_SUBJECT_ID_LENGTH = 200;

function checkSubjectId(subjectId: string): void {
  if (subjectId.length === 0 || subjectId.length > MAX_SUBJECT_ID_LENGTH || subjectId.includes('\u0000')) {
    throw new Error(
      `A personal-data subject id must be 1 to ${MAX_SUBJECT_ID_LENGTH} characters without NUL`,
    );
  }
}

/**
 * {@link PersonalDataVault} on `identity.subject_keys`: one random AES-256 data key per subject,
 * stored wrapped (AES-256-GCM) under a key derived from PERSONAL_DATA_KEY; values sealed with
 * AES-256-GCM and the subject id as associated data. Every statement goes through
 * {@link KernelDatabase}, so it joins the command's transaction when there is one: a key created
 * by a command that rolls back disappears with it.
 */
export class PostgresPersonalDataVault implements PersonalDataVault {
  private readonly kek: Buffer;
  private readonly cache = new Map<string, CachedKey>();
  private readonly cacheTtlMs: number;
  private readonly cacheSize: number;
  // Bumped by every shred: a key read while a shred ran (here) is not cached, it may be stale.
  private generation = 0;

  constructor(
    private readonly db: KernelDatabase,
    masterKey: string,
    options: VaultOptions = {},
  ) {
    this.kek = keyEncryptionKey(masterKey);
    this.cacheTtlMs = options.cacheTtlMs ?? 60_000;
    this.cacheSize = options.cacheSize ?? 10_000;
  }

  async seal(subjectId: string, plaintext: string): Promise<string> {
    checkSubjectId(subjectId);
    const key = await this.dataKey(subjectId, true);
    if (key === 'shredded') throw new SubjectShredded(subjectId);
    if (key === 'absent') throw new SubjectKeyMissing(subjectId);
    return sealValue(key, subjectId, plaintext);
  }

  async open(subjectId: string, sealed: string): Promise<string | null> {
    checkSubjectId(subjectId);
    const key = await this.dataKey(subjectId, false);
    if (key === 'shredded') return null;
    if (key === 'absent') throw new SubjectKeyMissing(subjectId);
    return openValue(key, subjectId, sealed);
  }

  async shred(subjectId: string): Promise<void> {
    checkSubjectId(subjectId);
    this.forget(subjectId);
    // A subject that never had data is recorded as shredded too, so that nothing can be sealed for it later.
    await this.db.query(
      `insert into identity.subject_keys as k (subject_id, wrapped_key, shredded_at)
       values ($1, null, now())
       on conflict (subject_id) do update
         set wrapped_key = null, shredded_at = coalesce(k.shredded_at, excluded.shredded_at)`,
      [subjectId],
    );
    // Reads made by this process while the shred was uncommitted still saw the key.
    this.db.currentTransaction?.afterCommit(() => this.forget(subjectId));
  }

  private async dataKey(subjectId: string, create: boolean): Promise<Buffer | 'shredded' | 'absent'> {
    const cached = this.cached(subjectId);
    if (cached) return cached;
    const generation = this.generation;
    let row = await this.read(subjectId);
    let key: Buffer | undefined;
    if (row === undefined && create) {
      const fresh = randomBytes(DATA_KEY_BYTES);
      // Two first seals racing: one insert wins, the other waits for it and then reads its key.
      const inserted = await this.db.query(
        `insert into identity.subject_keys (subject_id, wrapped_key) values ($1, $2)
         on conflict (subject_id) do nothing returning subject_id`,
        [subjectId, wrapDataKey(this.kek, fresh, subjectId)],
      );
      if (inserted.length > 0) key = fresh;
      else row = await this.read(subjectId);
    }
    if (key === undefined) {
      if (row === undefined) return 'absent';
      if (row.wrapped_key === null) return 'shredded';
      key = unwrapDataKey(this.kek, row.wrapped_key, subjectId);
    }
    this.remember(subjectId, key, generation);
    return key;
  }

  private async read(subjectId: string): Promise<KeyRow | undefined> {
    const rows = await this.db.query<KeyRow>(
      'select wrapped_key from identity.subject_keys where subject_id = $1',
      [subjectId],
      'identity_subject_key',
    );
    return rows[0];
  }

  private cached(subjectId: string): Buffer | undefined {
    const entry = this.cache.get(subjectId);
    if (!entry) return undefined;
    this.cache.delete(subjectId);
    if (entry.expiresAt <= Date.now()) return undefined;
    this.cache.set(subjectId, entry);
    return entry.key;
  }

  // Inside a transaction the key may be uncommitted (created by it, or its shred pending): cache it
  // only once the transaction has committed, and not at all if a shred ran meanwhile.
  private remember(subjectId: string, key: Buffer, generation: number): void {
    if (this.cacheTtlMs <= 0) return;
    const store = (): void => {
      if (this.generation !== generation) return;
      this.cache.delete(subjectId);
      this.cache.set(subjectId, { key, expiresAt: Date.now() + this.cacheTtlMs });
      for (const oldest of this.cache.keys()) {
        if (this.cache.size <= this.cacheSize) break;
        this.cache.delete(oldest);
      }
    };
    const tx = this.db.currentTransaction;
    if (tx) tx.afterCommit(store);
    else store();
  }

  private forget(subjectId: string): void {
    this.generation += 1;
    this.cache.delete(subjectId);
  }
}
