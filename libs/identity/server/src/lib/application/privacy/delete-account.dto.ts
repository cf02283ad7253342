import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type DeleteAccountRequest } from '@bandstand/identity/contracts';
import { PASSWORD_FIELD_MAX_LENGTH } from '../accounts/http/account.dto';

/** Body of POST /me/deletion. */
export class DeleteAccountDto implements DeleteAccountRequest {
  @ApiProperty({ description: 'The password, or for an account without one its e-mail address.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_FIELD_MAX_LENGTH)
  readonly confirmation!: string;
}
