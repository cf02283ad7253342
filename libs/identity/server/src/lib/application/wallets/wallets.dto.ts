import {
  type LinkedWallet,
  type SiweChallenge,
  type SiweChallengeRequest,
  type SiweSubmission,
} from '@bandstand/identity/contracts';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { SIWE_MESSAGE_MAX_LENGTH } from '../../infrastructure/siwe/siwe-message';

/** Body of POST /auth/siwe/nonce. */
@ApiSchema({ name: 'SiweChallengeRequest' })
export class SiweChallengeRequestDto implements SiweChallengeRequest {
  @ApiProperty({ enum: ['sign-in', 'link'], description: 'What the signed message will be used for.' })
  @IsIn(['sign-in', 'link'])
  readonly purpose!: 'sign-in' | 'link';
}

/** Body of POST /auth/siwe/sign-in and POST /me/wallets: a signed EIP-4361 message. */
@ApiSchema({ name: 'SiweSubmission' })
export class SiweSubmissionDto implements SiweSubmission {
  @ApiProperty({
    description: 'The EIP-4361 message exactly as signed (LF line ends).',
    maxLength: SIWE_MESSAGE_MAX_LENGTH,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SIWE_MESSAGE_MAX_LENGTH)
  readonly message!: string;

  @ApiProperty({
    description: 'personal_sign signature: 0x and 65 bytes in hex.',
    example: `0x${'ab'.repeat(65)}`,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  readonly signature!: string;
}

/** Path parameters of DELETE /me/wallets/:address. */
export class WalletAddressParamsDto {
  @Matches(/^0x[0-9a-fA-F]{40}$/, { message: 'address must be 0x and 40 hexadecimal digits' })
  readonly address!: string;
}

/** OpenAPI description of {@link SiweChallenge}. */
@ApiSchema({ name: 'SiweChallenge' })
export class SiweChallengeDto implements SiweChallenge {
  @ApiProperty({ description: 'Single use; expires at expirationTime.', example: 'k3J9xQ2mV7pL0aZ4bN8c' })
  readonly nonce!: string;

  @ApiProperty({ example: 'bandstand.example.org' })
  readonly domain!: string;

  @ApiProperty({ example: 'https://bandstand.example.org' })
  readonly uri!: string;

  @ApiProperty({ example: 'Sign in to Bandstand.' })
  readonly statement!: string;

  @ApiProperty({ enum: ['1'] })
  readonly version!: '1';

  @ApiProperty({ type: [Number], example: [1, 8453] })
  readonly chainIds!: readonly number[];

  @ApiProperty({ format: 'date-time' })
  readonly issuedAt!: string;

  @ApiProperty({ format: 'date-time' })
  readonly expirationTime!: string;
}

/** OpenAPI description of {@link LinkedWallet}. */
@ApiSchema({ name: 'LinkedWallet' })
export class LinkedWalletDto implements LinkedWallet {
  @ApiProperty({ description: 'EIP-55 checksummed.', example: '0x71C7656EC7ab88b098defB751B7401B5f6d8976F' })
  readonly address!: string;

  @ApiProperty({ example: 8453 })
  readonly chainId!: number;

  @ApiProperty({ format: 'date-time' })
  readonly linkedAt!: string;
}
