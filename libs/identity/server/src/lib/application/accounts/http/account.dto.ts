import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import {
  CONSOLES,
  SIGN_UP_CONSOLES,
  type ConsoleName,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type SignInRequest,
  type SignUpRequest,
  type UpdateProfileRequest,
  type VerifyEmailRequest,
} from '@bandstand/identity/contracts';

/** The longest e-mail address accepted (RFC 5321's path limit less the angle brackets). */
export const EMAIL_MAX_LENGTH = 254;
/** The longest display name accepted. */
export const DISPLAY_NAME_MAX_LENGTH = 100;
/**
 * A bound on password fields before the password rules (which count code points after NFKC and
 * answer IDENTITY.PASSWORD_TOO_LONG) look at them: it only keeps huge bodies from reaching argon2.
 */
export const PASSWORD_FIELD_MAX_LENGTH = 1024;
/** Mailed tokens are 43 characters; anything much longer is not one. */
export const TOKEN_MAX_LENGTH = 256;

const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
// No control characters (line breaks, NUL…) in a name shown to other people and put into mails.
const PRINTABLE = /^[^\p{Cc}]+$/u;

/** Body of POST /auth/sign-up. */
export class SignUpDto implements SignUpRequest {
  @ApiProperty({ example: 'ana@example.com', maxLength: EMAIL_MAX_LENGTH })
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  readonly email!: string;

  @ApiProperty({
    minLength: 12,
    maxLength: 128,
    description: 'Checked by the password rules (IDENTITY.PASSWORD_*).',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_FIELD_MAX_LENGTH)
  readonly password!: string;

  @ApiProperty({ example: 'Ana', maxLength: DISPLAY_NAME_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  @Matches(PRINTABLE, { message: 'displayName must not contain control characters' })
  readonly displayName!: string;

  @ApiProperty({ enum: SIGN_UP_CONSOLES, description: 'The console the mailed link leads back to.' })
  @IsIn(SIGN_UP_CONSOLES)
  readonly console!: (typeof SIGN_UP_CONSOLES)[number];
}

/** Body of POST /auth/sign-in. */
export class SignInDto implements SignInRequest {
  @ApiProperty({ example: 'ana@example.com', maxLength: EMAIL_MAX_LENGTH })
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  readonly email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_FIELD_MAX_LENGTH)
  readonly password!: string;
}

/** Body of POST /auth/verify-email. */
export class VerifyEmailDto implements VerifyEmailRequest {
  @ApiProperty({ description: 'The token of the link mailed at sign-up.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TOKEN_MAX_LENGTH)
  readonly token!: string;
}

/** Body of POST /auth/password-reset. */
export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty({ example: 'ana@example.com', maxLength: EMAIL_MAX_LENGTH })
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  readonly email!: string;

  @ApiProperty({ enum: CONSOLES })
  @IsIn(CONSOLES)
  readonly console!: ConsoleName;
}

/** Body of POST /auth/password-reset/confirm. */
export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty({ description: 'The token of the mailed reset link.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TOKEN_MAX_LENGTH)
  readonly token!: string;

  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_FIELD_MAX_LENGTH)
  readonly password!: string;
}

/** Body of PATCH /me. */
export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiProperty({ example: 'Ana', maxLength: DISPLAY_NAME_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  @Matches(PRINTABLE, { message: 'displayName must not contain control characters' })
  readonly displayName!: string;
}

/** Body of POST /me/password. */
export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_FIELD_MAX_LENGTH)
  readonly currentPassword!: string;

  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_FIELD_MAX_LENGTH)
  readonly newPassword!: string;
}
