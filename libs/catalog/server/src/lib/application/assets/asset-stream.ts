import { Inject, Injectable } from '@nestjs/common';
import { DeciderCommandRunner, type DeciderCommandResult, streamId } from '@bandstand/shared/event-store';
import { type CatalogActor, catalogMetadata } from '../releases/release-stream';
import { assetDecider, type AssetCommand, type AssetEvent } from './asset.decider';

const ASSET_STREAM_PREFIX = 'asset-';

/** The stream of an asset: `catalog-asset-<assetId>`. */
export function assetStreamId(assetId: string): string {
  return streamId('catalog', `${ASSET_STREAM_PREFIX}${assetId}`);
}

/** Runs asset commands through the kernel's command path (tenant = the owning organisation). */
@Injectable()
export class AssetStream {
  constructor(@Inject(DeciderCommandRunner) private readonly runner: DeciderCommandRunner) {}

  run(
    orgId: string,
    assetId: string,
    actor: CatalogActor,
    command: AssetCommand,
  ): Promise<DeciderCommandResult<AssetEvent>> {
    return this.runner.run(assetDecider, assetStreamId(assetId), command, catalogMetadata(orgId, actor));
  }
}
