import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ApprovalStatus,
  type GrantStaffRoleRequest,
  type RejectApprovalRequest,
} from '@bandstand/identity/contracts';
import {
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
  type PageRequest,
  STAFF_ROLES,
  type StaffRole,
} from '@bandstand/shared/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['pending', 'approved', 'rejected'];
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Query of GET /staff/users. */
export class StaffUsersQueryDto implements PageRequest {
  @ApiPropertyOptional({ description: 'The start of an e-mail address, or part of a name.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  readonly query?: string;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  readonly cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  readonly limit?: number;
}

/** Body of POST /staff/users/:userId/roles. */
export class GrantStaffRoleDto implements GrantStaffRoleRequest {
  @ApiProperty({ enum: STAFF_ROLES, description: 'Granting admin needs a second approver.' })
  @IsIn(STAFF_ROLES)
  readonly role!: StaffRole;
}

/** Query of GET /staff/approvals. */
export class ApprovalsQueryDto {
  @ApiPropertyOptional({ enum: APPROVAL_STATUSES })
  @IsOptional()
  @IsIn(APPROVAL_STATUSES)
  readonly status?: ApprovalStatus;
}

/** Body of POST /staff/approvals/:approvalId/reject. */
export class RejectApprovalDto implements RejectApprovalRequest {
  @ApiProperty({ example: 'Not agreed with the team', maxLength: 500 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  readonly reason!: string;
}

/** Path of DELETE /staff/users/:userId/roles/:role. */
export class StaffRoleParamsDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  readonly userId!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  readonly role!: StaffRole;
}
