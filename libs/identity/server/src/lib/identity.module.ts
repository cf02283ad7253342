import { type DynamicModule, Module } from '@nestjs/common';
import { MEMBERSHIP_LOOKUP, PRINCIPAL_RESOLVER } from '@bandstand/shared/access';
import { accountsArea } from './application/accounts/accounts.area';
import { externalArea } from './application/external/external.area';
import { staffArea } from './application/staff/staff.area';
import { teamsArea } from './application/teams/teams.area';
import { walletsArea } from './application/wallets/wallets.area';
import { type IdentityArea } from './identity-area';
import { mailArea } from './infrastructure/mail/mail.area';
import { oidcArea } from './infrastructure/oidc/oidc.area';
import { passwordsArea } from './infrastructure/passwords/passwords.area';
import { rateLimitArea } from './infrastructure/rate-limit/rate-limit.area';
import { siweArea } from './infrastructure/siwe/siwe.area';
import { tokensArea } from './infrastructure/tokens/tokens.area';
import { vaultArea } from './infrastructure/vault/vault.area';

const areas: readonly IdentityArea[] = [
  vaultArea,
  passwordsArea,
  mailArea,
  tokensArea,
  rateLimitArea,
  siweArea,
  oidcArea,
  accountsArea,
  teamsArea,
  staffArea,
  walletsArea,
  externalArea,
];

/**
 * The identity context's Nest module, imported by the api (with its controllers) and the worker:
 * accounts, sessions, teams, staff, wallets and external identities. It is global so that the
 * platform's AccessGuard finds the {@link PRINCIPAL_RESOLVER} and {@link MEMBERSHIP_LOOKUP} it
 * provides.
 */
@Module({})
export class IdentityModule {
  static forRoot(role: 'api' | 'worker'): DynamicModule {
    const providers = areas.flatMap((area) => area.providers);
    const exported = [PRINCIPAL_RESOLVER, MEMBERSHIP_LOOKUP].filter((token) =>
      providers.some(
        (provider) => typeof provider === 'object' && 'provide' in provider && provider.provide === token,
      ),
    );
    return {
      module: IdentityModule,
      global: true,
      imports: areas.flatMap((area) => area.imports ?? []),
      providers,
      controllers: role === 'api' ? areas.flatMap((area) => area.controllers ?? []) : [],
      exports: exported,
    };
  }
}
