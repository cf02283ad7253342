import { type Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type Asset } from '@bandstand/catalog/contracts';

/** Whether an `If-None-Match` header names `etag` (or `*`); weak tags compare by their value. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * Answers with an opened asset's bytes, its type and length, `cacheControl` and its hash as ETag;
 * 304 with no body (and the stream let go) when `If-None-Match` already names it. Content never
 * changes under an asset id, so the hash is a strong validator.
 */
export function replyWithAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  opened: { readonly asset: Asset; readonly stream: Readable },
  cacheControl: string,
): StreamableFile | undefined {
  const { asset, stream } = opened;
  const etag = `"${asset.sha256}"`;
  reply.header('cache-control', cacheControl).header('etag', etag);
  if (etagMatches(request.headers['if-none-match'], etag)) {
    // Not read: let go of its file handle or storage connection now.
    stream.destroy();
    reply.status(304);
    return undefined;
  }
  return new StreamableFile(stream, { type: asset.contentType, length: asset.bytes });
}
