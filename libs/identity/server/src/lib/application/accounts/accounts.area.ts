import { PRINCIPAL_RESOLVER } from '@bandstand/shared/access';
import { EventSchemasModule } from '@bandstand/shared/event-store';
import { SESSION_EVENT_TYPES, USER_EVENT_TYPES } from '@bandstand/identity/domain';
import { type IdentityArea } from '../../identity-area';
import { AccountDeletionService } from '../privacy/account-deletion.service';
import { AccountExportService } from '../privacy/account-export.service';
import { DeleteAccountHandler } from '../privacy/delete-account.handler';
import { PrivacyController } from '../privacy/privacy.controller';
import { ACCOUNT_DIRECTORY, SESSION_ISSUER } from './account-services';
import { AccountDirectoryService } from './directory/account-directory.service';
import { AuthController } from './http/auth.controller';
import { MeController } from './http/me.controller';
import { PasswordResetService } from './password-reset/password-reset.service';
import { RequestPasswordResetHandler } from './password-reset/request-password-reset.handler';
import { ResetPasswordHandler } from './password-reset/reset-password.handler';
import { SessionPrincipalResolver } from './principal/session-principal.resolver';
import { ChangeDisplayNameHandler } from './profile/change-display-name.handler';
import { ChangePasswordHandler } from './profile/change-password.handler';
import { ProfileService } from './profile/profile.service';
import { AccountQueries } from './read-models/account-queries';
import { AccountTokensProjection } from './read-models/account-tokens.projection';
import { SessionsProjection } from './read-models/sessions.projection';
import { UsersProjection } from './read-models/users.projection';
import { RefreshSessionHandler } from './sessions/refresh-session.handler';
import { RevokeSessionHandler } from './sessions/revoke-session.handler';
import { SessionIssuerService } from './sessions/session-issuer.service';
import { SessionsService } from './sessions/sessions.service';
import { StartSessionHandler } from './sessions/start-session.handler';
import { SignInService } from './sign-in/sign-in.service';
import { RegisterAccountHandler } from './sign-up/register-account.handler';
import { RegisterVerifiedAccountHandler } from './sign-up/register-verified-account.handler';
import { SignUpService } from './sign-up/sign-up.service';
import { EmailVerificationService } from './verify-email/email-verification.service';
import { VerifyEmailHandler } from './verify-email/verify-email.handler';

/**
 * Accounts, sessions, profile and privacy: the user and session deciders' commands, their inline
 * read models, the auth and me endpoints, and the services other areas use (SESSION_ISSUER,
 * ACCOUNT_DIRECTORY) and the platform's PRINCIPAL_RESOLVER.
 */
export const accountsArea: IdentityArea = {
  providers: [
    AccountQueries,
    UsersProjection,
    SessionsProjection,
    AccountTokensProjection,
    RegisterAccountHandler,
    RegisterVerifiedAccountHandler,
    VerifyEmailHandler,
    RequestPasswordResetHandler,
    ResetPasswordHandler,
    ChangePasswordHandler,
    ChangeDisplayNameHandler,
    DeleteAccountHandler,
    StartSessionHandler,
    RefreshSessionHandler,
    RevokeSessionHandler,
    SessionIssuerService,
    { provide: SESSION_ISSUER, useExisting: SessionIssuerService },
    AccountDirectoryService,
    { provide: ACCOUNT_DIRECTORY, useExisting: AccountDirectoryService },
    SessionPrincipalResolver,
    { provide: PRINCIPAL_RESOLVER, useExisting: SessionPrincipalResolver },
    SessionsService,
    SignUpService,
    EmailVerificationService,
    SignInService,
    PasswordResetService,
    ProfileService,
    AccountExportService,
    AccountDeletionService,
  ],
  controllers: [AuthController, MeController, PrivacyController],
  imports: [
    EventSchemasModule.forFeature(
      'identity.accounts',
      [...USER_EVENT_TYPES, ...SESSION_EVENT_TYPES].map((type) => ({ type, version: 1 })),
    ),
  ],
};
