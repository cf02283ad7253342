import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

/** Query of GET …/releases/:releaseId/ern. */
export class ErnExportQueryDto {
  @ApiPropertyOptional({ description: 'A published version (1, 2…); the newest by default.', example: '1' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,8}$/, { message: 'version must be a published version number such as 1' })
  readonly version?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Export the draft instead of a published version.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  readonly draft?: 'true' | 'false';
}
