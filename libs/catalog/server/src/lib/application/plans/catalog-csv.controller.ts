import { Controller, Get, Header, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { CurrentPrincipal, OrgAccess, type Principal } from '@bandstand/shared/access';
import {
  fieldErrorsOf,
  hasRawBody,
  RawBody,
  readRequestBody,
  ValidationFailedException,
} from '@bandstand/shared/http';
import {
  CATALOG_ERROR_CODES,
  type ChangePlan,
  type ImportRequest,
  MAX_IMPORT_BYTES,
} from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';
import { userActor } from '../releases/release-stream';
import { CatalogImports } from './catalog-imports.service';
import { CsvExporter } from './csv/csv-exporter';
import { ImportRequestDto } from './plans.dto';

/** The content type of imports larger than the api's JSON body limit: the same JSON, read as a stream. */
export const IMPORT_CONTENT_TYPE = 'application/vnd.bandstand.import+json';

/** The import body of a request: JSON parsed by Fastify, or the large-import type read up to MAX_IMPORT_BYTES. */
async function importBody(request: FastifyRequest): Promise<unknown> {
  if (!hasRawBody(request)) return request.body;
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== IMPORT_CONTENT_TYPE) {
    throw new CatalogError(
      CATALOG_ERROR_CODES.unsupportedMediaType,
      `Send imports as application/json or ${IMPORT_CONTENT_TYPE}`,
      { status: 415, field: 'contentType' },
    );
  }
  const bytes = await readRequestBody(
    request,
    MAX_IMPORT_BYTES,
    () =>
      new CatalogError(
        CATALOG_ERROR_CODES.payloadTooLarge,
        `An import may be at most ${MAX_IMPORT_BYTES} bytes`,
        { status: 413 },
      ),
  );
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new ValidationFailedException([
      { field: '(body)', code: 'VALIDATION.INVALID_JSON', message: 'The body is not JSON' },
    ]);
  }
}

/** The body checked like any DTO (unknown fields refused), whichever way it arrived. */
async function importRequestOf(body: unknown): Promise<ImportRequest> {
  const dto = plainToInstance(ImportRequestDto, typeof body === 'object' && body !== null ? body : {});
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new ValidationFailedException(fieldErrorsOf(errors));
  return dto;
}

/** The catalog as CSV, and imports (CSV, DDEX ERN) previewed as change plans. */
@ApiTags('catalog')
@Controller('orgs')
export class CatalogCsvController {
  constructor(
    @Inject(CsvExporter) private readonly exporter: CsvExporter,
    @Inject(CatalogImports) private readonly imports: CatalogImports,
  ) {}

  @OrgAccess('catalog.read')
  @Get(':orgId/catalog/export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "The organisation's catalog metadata, one row per track (RFC 4180)" })
  async export(
    @Param('orgId') orgId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    void reply.header(
      'Content-Disposition',
      `attachment; filename="catalog-${encodeURIComponent(orgId)}.csv"`,
    );
    return this.exporter.export(orgId);
  }

  // Not @Idempotent: the fingerprint cannot see a streamed body, and a repeated preview only stores
  // another plan that expires on its own.
  @OrgAccess('catalog.write')
  @Post(':orgId/catalog/imports')
  @RawBody()
  @ApiConsumes('application/json', IMPORT_CONTENT_TYPE)
  @ApiBody({ type: ImportRequestDto })
  @ApiOperation({ summary: 'Preview a CSV or DDEX ERN import as a change plan' })
  async import(
    @Param('orgId') orgId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ChangePlan> {
    const body = await importRequestOf(await importBody(request));
    return this.imports.preview(orgId, body, userActor(principal.userId, request.id));
  }
}
