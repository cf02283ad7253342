import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { OrgAccess } from '@bandstand/shared/access';
import { CATALOG_ERROR_CODES } from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';
import { ErnExportQueryDto } from './ern.dto';
import { ErnExporter } from './ern-exporter';

/** Releases as DDEX ERN 4.3 NewReleaseMessages; imports go through POST …/catalog/imports (`format: 'ern'`). */
@ApiTags('catalog')
@Controller('orgs')
export class ErnController {
  constructor(@Inject(ErnExporter) private readonly exporter: ErnExporter) {}

  @OrgAccess('catalog.read')
  @Get(':orgId/catalog/releases/:releaseId/ern')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiProduces('application/xml')
  @ApiOperation({
    summary: 'The release as an ERN 4.3 NewReleaseMessage (newest published version by default)',
  })
  async export(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @Query() query: ErnExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const draft = query.draft === 'true';
    if (draft && query.version !== undefined) {
      throw new CatalogError(
        CATALOG_ERROR_CODES.invalidMetadata,
        'Ask for a version or for the draft, not both',
        {
          status: 400,
          field: 'version',
        },
      );
    }
    const exported = await this.exporter.export(
      orgId,
      releaseId,
      draft
        ? { draft: true }
        : { draft: false, version: query.version === undefined ? null : Number(query.version) },
    );
    void reply.header(
      'Content-Disposition',
      `attachment; filename="${encodeURIComponent(exported.fileName)}"`,
    );
    return exported.xml;
  }
}
