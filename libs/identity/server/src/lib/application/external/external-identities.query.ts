import { type ExternalIdentity } from '@bandstand/identity/contracts';
import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { ExternalIdentityEntity } from './external-identity.entity';

/** Reads identity.external_identities: who a provider account signs in, and a user's linked accounts. */
@Injectable()
export class ExternalIdentitiesQuery {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** The user a provider account signs in; null when it is not linked. */
  async holder(provider: string, subject: string): Promise<string | null> {
    const row = await this.orm.em.fork().findOne(ExternalIdentityEntity, { provider, subject });
    return row?.userId ?? null;
  }

  /** The user's linked provider accounts, oldest link first (the profile lists them). */
  async ofUser(userId: string): Promise<ExternalIdentity[]> {
    const rows = await this.orm.em
      .fork()
      .find(
        ExternalIdentityEntity,
        { userId },
        { orderBy: { linkedAt: 'asc', provider: 'asc', subject: 'asc' } },
      );
    return rows.map((row) => ({
      provider: row.provider,
      subject: row.subject,
      linkedAt: row.linkedAt.toISOString(),
    }));
  }
}
