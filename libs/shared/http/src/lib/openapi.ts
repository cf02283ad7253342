import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@bandstand/shared/contracts';
import { CORRELATION_HEADER } from './request-hooks';
import { FieldErrorDto, ProblemDetailsDto } from './problem-details.dto';

/** Where the OpenAPI UI and document are served. */
export const OPENAPI_PATHS = { ui: '/api/docs', json: '/api/docs-json' } as const;

/** What the OpenAPI document says about the API. */
export interface OpenApiSettings {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Gives every operation a `default` problem response, so clients see how errors look everywhere. */
export function documentProblemResponses(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      operation.responses['default'] ??= {
        description: 'Error: RFC 9457 problem details with a stable code and the correlation id.',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      };
    }
  }
  return document;
}

/** Builds the OpenAPI document of `app` (with the problem schema) and serves it: UI at /api/docs, JSON at /api/docs-json. */
export function setupOpenApi(app: INestApplication, settings: OpenApiSettings): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(settings.title)
    .setVersion(settings.version)
    .setDescription(
      settings.description ??
        `REST API under /api/v1. Errors are ${PROBLEM_CONTENT_TYPE} (see the ProblemDetails schema); ` +
          `send an ${CORRELATION_HEADER} header to trace a request through the logs.`,
    )
    .build();
  const document = documentProblemResponses(
    SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsDto, FieldErrorDto] }),
  );
  SwaggerModule.setup(OPENAPI_PATHS.ui, app, document, {
    jsonDocumentUrl: OPENAPI_PATHS.json,
    raw: ['json'],
    customSiteTitle: `${settings.title} — API docs`,
  });
  return document;
}
