import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, type PageRequest } from '@bandstand/shared/contracts';
import { type ImportFile, type ImportRequest, MAX_BATCH_ITEMS } from '@bandstand/catalog/contracts';

/** Most files one import may send. */
export const MAX_IMPORT_FILES = 200;
/** Longest file name an import may give. */
export const IMPORT_FILE_NAME_MAX_LENGTH = 255;
const ID_MAX_LENGTH = 200;

/**
 * Body of POST …/catalog/batch-edits. The selection's size and ids are checked by the service
 * (CATALOG.INVALID_BATCH naming `ids` or `ids.<i>`), `set` by the domain's batch parsers.
 */
export class BatchEditDto {
  @ApiProperty({ enum: ['tracks', 'releases'] })
  @IsIn(['tracks', 'releases'])
  readonly target!: 'tracks' | 'releases';

  @ApiProperty({ type: [String], description: `1 to ${MAX_BATCH_ITEMS} track or release ids.` })
  @IsArray()
  @IsString({ each: true })
  @MaxLength(ID_MAX_LENGTH, { each: true })
  readonly ids!: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'TrackBatchFields for tracks, ReleaseBatchFields for releases.',
  })
  @IsObject()
  readonly set!: Record<string, unknown>;
}

/** Query of GET …/catalog/plans/:planId/items. */
export class PlanItemsQueryDto implements PageRequest {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @Matches(/^(0|[1-9][0-9]{0,8})$/, { message: 'cursor must be the nextCursor of a previous page' })
  readonly cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  readonly limit?: number;
}

/** One file of an import. */
export class ImportFileDto implements ImportFile {
  @ApiProperty({ example: 'catalog.csv', maxLength: IMPORT_FILE_NAME_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(IMPORT_FILE_NAME_MAX_LENGTH)
  readonly name!: string;

  @ApiProperty({ description: 'The file as UTF-8 text.' })
  @IsString()
  readonly content!: string;
}

/**
 * Body of POST …/catalog/imports, as `application/json` (up to the api's body limit) or, for large
 * imports, as `application/vnd.bandstand.import+json` (up to MAX_IMPORT_BYTES).
 */
export class ImportRequestDto implements ImportRequest {
  @ApiProperty({ enum: ['csv', 'ern'] })
  @IsIn(['csv', 'ern'])
  readonly format!: 'csv' | 'ern';

  @ApiProperty({ type: [ImportFileDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_FILES)
  @ValidateNested({ each: true })
  @Type(() => ImportFileDto)
  readonly files!: ImportFileDto[];
}
