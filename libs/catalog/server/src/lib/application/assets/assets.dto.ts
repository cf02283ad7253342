import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ASSET_KINDS, type AssetKind } from '@bandstand/catalog/contracts';

/** Query of POST …/catalog/assets: what the uploaded file is meant to be. */
export class UploadAssetQueryDto {
  @ApiProperty({ enum: ASSET_KINDS, example: 'artwork' })
  @IsIn(ASSET_KINDS)
  readonly kind!: AssetKind;
}
