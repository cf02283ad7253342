import { createHash } from 'node:crypto';
import { externalIdentityStreamKey } from '@bandstand/identity/domain';
import { streamId } from '@bandstand/shared/event-store';

/** The stream of a provider account: `identity-external-<provider>-<sha256 hex of subject>`. */
export function externalIdentityStreamId(provider: string, subject: string): string {
  const digest = createHash('sha256').update(subject, 'utf8').digest('hex');
  return streamId('identity', externalIdentityStreamKey(provider, digest));
}
