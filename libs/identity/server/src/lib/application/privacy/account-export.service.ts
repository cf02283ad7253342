import { Inject, Injectable, Logger } from '@nestjs/common';
import { sessionStreamId, userStreamId } from '@bandstand/identity/domain';
import {
  EVENT_COLUMNS,
  type EventRow,
  EventStore,
  KERNEL_CLOCK,
  type KernelClock,
  KernelDatabase,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../ports/personal-data.port';
import { AccountQueries } from '../accounts/read-models/account-queries';
import { ProfileService } from '../accounts/profile/profile.service';
import { staffRolesStreamId } from '../staff/staff-streams';
import { type AccountExport, type ExportedEvent } from './account-export';

// The vault's format of a sealed value (infrastructure/vault): opened wherever it appears.
const SEALED = /^pd1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/;

/**
 * GET /me/export: the profile, every session and membership from the read models, and every event
 * of the user's own identity streams — the user and staff-role streams, each session's, and any
 * identity stream whose events name the user as tenant (wallets, external identities) — with the
 * sealed personal fields opened.
 */
@Injectable()
export class AccountExportService {
  private readonly logger = new Logger(AccountExportService.name);

  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(ProfileService) private readonly profiles: ProfileService,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  async export(userId: string): Promise<AccountExport> {
    const profile = await this.profiles.profile(userId);
    const sessions = await this.queries.sessionsOf(userId);
    const memberships = await this.profiles.memberships(userId);
    const streams = [
      userStreamId(userId),
      staffRolesStreamId(userId),
      ...sessions.map((s) => sessionStreamId(s.sessionId)),
    ];
    const rows = await this.db.query<EventRow>(
      `select ${EVENT_COLUMNS} from kernel.events where stream_id = any($1::text[])
       union
       select ${EVENT_COLUMNS} from kernel.events where tenant_id = $2 and stream_id like 'identity-%'
       order by global_position`,
      [streams, userId],
    );
    const events: ExportedEvent[] = [];
    for (const row of rows) events.push(await this.exported(userId, this.store.toStoredEvent(row)));
    return {
      exportedAt: this.clock.now().toISOString(),
      profile,
      sessions: sessions.map(
        ({ refreshTokenHash: _hash, previousHashes: _previous, userId: _user, ...session }) => session,
      ),
      memberships,
      events,
    };
  }

  private async exported(userId: string, event: StoredEvent): Promise<ExportedEvent> {
    return {
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      eventId: event.eventId,
      type: event.type,
      recordedAt: event.recordedAt.toISOString(),
      actor: event.metadata.actor,
      correlationId: event.metadata.correlationId,
      data: await this.opened(userId, event.data),
    };
  }

  // Every sealed string in the data is opened under the user; one sealed under another subject
  // (or damaged) stays as it is rather than failing the whole export.
  private async opened(userId: string, value: unknown): Promise<unknown> {
    if (typeof value === 'string') {
      if (!SEALED.test(value)) return value;
      try {
        return (await this.vault.open(userId, value)) ?? value;
      } catch (error) {
        this.logger.warn(`A sealed value in an export of ${userId} could not be opened: ${String(error)}`);
        return value;
      }
    }
    if (Array.isArray(value)) return Promise.all(value.map((item: unknown) => this.opened(userId, item)));
    if (typeof value === 'object' && value !== null) {
      const entries = await Promise.all(
        Object.entries(value).map(async ([key, item]) => [key, await this.opened(userId, item)] as const),
      );
      return Object.fromEntries(entries);
    }
    return value;
  }
}
