import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional } from 'class-validator';
import { type ArtistInput, type LocalizedTextInput } from '@bandstand/catalog/contracts';

/**
 * Body of POST …/artists and PATCH …/artists/:artistId (every field, replacing). The DTO only admits
 * the fields; the domain's parser checks and normalises each (identifiers, country, lengths).
 */
export class ArtistDto implements ArtistInput {
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'object' }],
    example: { text: 'オーロラ', language: 'ja', translations: [{ language: 'ja-Latn', text: 'Aurora' }] },
  })
  @IsDefined()
  readonly name!: LocalizedTextInput;

  @ApiPropertyOptional({ nullable: true, example: '0000 0001 2145 2282' })
  @IsOptional()
  readonly isni?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '00052210040' })
  @IsOptional()
  readonly ipi?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'NO' })
  @IsOptional()
  readonly country?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  readonly bio?: string | null;
}
