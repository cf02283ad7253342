import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { CatalogClient } from './catalog.client';

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(blob);
  });
}

/**
 * A URL for a blob: an object URL where the browser has them, a data URL where it has not
 * (server rendering, jsdom), so that the pages work the same in both.
 */
export async function blobUrl(blob: Blob): Promise<string> {
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : readAsDataUrl(blob);
}

/** Gives an object URL back to the browser (data URLs hold nothing). */
export function releaseBlobUrl(url: string): void {
  if (url.startsWith('blob:') && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
}

/** Saves a blob as a file the way a download link does. */
export async function saveBlob(blob: Blob, fileName: string): Promise<void> {
  const url = await blobUrl(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading the file by now; a moment later the URL may go.
  setTimeout(() => releaseBlobUrl(url), 10_000);
}

/**
 * Artwork as image URLs. Asset content needs the bearer token, which an `<img src>` cannot send,
 * so each artwork is fetched once, kept as a blob URL and released with the page.
 */
@Injectable()
export class ArtworkUrls {
  private readonly client = inject(CatalogClient);
  private readonly loading = new Set<string>();
  private readonly urls = signal<Readonly<Record<string, string>>>({});

  /** Image URLs by asset id, for the artwork loaded so far. */
  readonly all = this.urls.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => Object.values(this.urls()).forEach(releaseBlobUrl));
  }

  /** Starts loading the artwork of `assetIds` that is not loaded yet; a failure leaves it out. */
  load(orgId: string, assetIds: readonly (string | null)[]): void {
    for (const assetId of assetIds) {
      if (assetId === null || this.loading.has(assetId)) continue;
      this.loading.add(assetId);
      void firstValueFrom(this.client.download(this.client.assetContentPath(orgId, assetId)))
        .then(blobUrl)
        .then((url) => this.urls.update((current) => ({ ...current, [assetId]: url })))
        .catch(() => this.loading.delete(assetId));
    }
  }
}
