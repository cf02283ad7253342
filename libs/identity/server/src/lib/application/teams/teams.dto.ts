import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AcceptInvitationRequest,
  type ChangeMemberRoleRequest,
  type CreateOrganisationRequest,
  type InviteMemberRequest,
  type OrgKind,
} from '@bandstand/identity/contracts';
import {
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
  ORG_ROLES,
  type OrgRole,
  type PageRequest,
} from '@bandstand/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Longest organisation name. */
export const ORG_NAME_MAX_LENGTH = 100;
/** Longest e-mail address accepted (RFC 5321's path limit). */
export const EMAIL_MAX_LENGTH = 254;
const ORG_KINDS: readonly OrgKind[] = ['artist', 'label'];
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Body of POST /orgs. */
export class CreateOrganisationDto implements CreateOrganisationRequest {
  @ApiProperty({ example: 'Night Owls', maxLength: ORG_NAME_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(ORG_NAME_MAX_LENGTH)
  readonly name!: string;

  @ApiProperty({ enum: ORG_KINDS, description: 'An artist, or a label with many artists.' })
  @IsIn(ORG_KINDS)
  readonly kind!: OrgKind;
}

/** Body of PATCH /orgs/:orgId. */
export class RenameOrganisationDto {
  @ApiProperty({ example: 'Day Owls', maxLength: ORG_NAME_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(ORG_NAME_MAX_LENGTH)
  readonly name!: string;
}

/** Body of PATCH /orgs/:orgId/members/:userId. */
export class ChangeMemberRoleDto implements ChangeMemberRoleRequest {
  @ApiProperty({ enum: ORG_ROLES })
  @IsIn(ORG_ROLES)
  readonly role!: OrgRole;
}

/** Body of POST /orgs/:orgId/invitations. */
export class InviteMemberDto implements InviteMemberRequest {
  @ApiProperty({ example: 'bo@example.com', maxLength: EMAIL_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  readonly email!: string;

  @ApiProperty({ enum: ORG_ROLES })
  @IsIn(ORG_ROLES)
  readonly role!: OrgRole;
}

/** Body of POST /invitations/accept. */
export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ description: 'The token of the mailed link.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  readonly token!: string;
}

/** Query of GET /orgs/:orgId/activity: a cursor page, newest first. */
export class ActivityQueryDto implements PageRequest {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,8}$/, { message: 'cursor must be the nextCursor of a previous page' })
  readonly cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  readonly limit?: number;
}
