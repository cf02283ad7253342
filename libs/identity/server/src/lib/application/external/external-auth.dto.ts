import {
  type AuthProvider,
  CONSOLES,
  type ConsoleName,
  type ExternalIdentity,
} from '@bandstand/identity/contracts';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const PROVIDER = /^[a-z][a-z0-9-]{0,31}$/;

/** Path parameter naming a provider. */
export class ProviderParamsDto {
  @ApiProperty({ example: 'spotify' })
  @Matches(PROVIDER, { message: 'provider must be a provider id such as oidc or spotify' })
  readonly provider!: string;
}

/** Path parameters of DELETE /me/external-identities/:provider/:subject. */
export class ExternalIdentityParamsDto extends ProviderParamsDto {
  @ApiProperty({ description: "The provider's id of the account, as GET /me/external-identities lists it." })
  @IsString()
  @MaxLength(255)
  readonly subject!: string;
}

/** Query of GET /auth/oidc/:provider/start. */
export class OidcStartQueryDto {
  @ApiProperty({ enum: CONSOLES, description: 'The console to come back to.' })
  @IsIn(CONSOLES)
  readonly console!: ConsoleName;

  @ApiPropertyOptional({
    enum: ['sign-in'],
    description: 'Only sign-in: linking starts with POST /me/external-identities/:provider.',
  })
  @IsOptional()
  @IsIn(['sign-in'])
  readonly mode?: 'sign-in';
}

/** Body of POST /me/external-identities/:provider. */
@ApiSchema({ name: 'LinkExternalIdentityRequest' })
export class LinkExternalIdentityRequestDto {
  @ApiProperty({ enum: CONSOLES, description: 'The console whose account page the browser comes back to.' })
  @IsIn(CONSOLES)
  readonly console!: ConsoleName;
}

/** Answer of POST /me/external-identities/:provider: where the console sends the browser. */
@ApiSchema({ name: 'ExternalRedirect' })
export class ExternalRedirectDto {
  @ApiProperty({ description: "The provider's authorization URL.", format: 'uri' })
  readonly redirectUrl!: string;
}

/** OpenAPI description of {@link AuthProvider}. */
@ApiSchema({ name: 'AuthProvider' })
export class AuthProviderDto implements AuthProvider {
  @ApiProperty({
    example: 'spotify',
    description: '`oidc` (the configured OpenID Connect provider) or `spotify`.',
  })
  readonly id!: string;

  @ApiProperty({ example: 'Spotify' })
  readonly label!: string;
}

/** OpenAPI description of {@link ExternalIdentity}. */
@ApiSchema({ name: 'ExternalIdentity' })
export class ExternalIdentityDto implements ExternalIdentity {
  @ApiProperty({ example: 'spotify' })
  readonly provider!: string;

  @ApiProperty({ example: 'wizzler' })
  readonly subject!: string;

  @ApiProperty({ format: 'date-time' })
  readonly linkedAt!: string;
}
