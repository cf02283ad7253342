import { type AssetKind } from '@bandstand/catalog/contracts';

/** What the bytes of an upload are, read from their content alone. */
export interface SniffedMedia {
  readonly contentType: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly durationMs: number | null;
}

/** The reason bytes are not a usable file of the kind (the caller turns it into a problem). */
export type SniffFailure =
  | { readonly reason: 'unsupported'; readonly message: string }
  | { readonly reason: 'unreadable'; readonly message: string };

/** Sniffed media, or why not. */
export type SniffResult =
  { readonly ok: true; readonly media: SniffedMedia } | ({ readonly ok: false } & SniffFailure);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function startsWith(bytes: Buffer, prefix: Buffer | string, at = 0): boolean {
  const expected = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : prefix;
  return bytes.length >= at + expected.length && bytes.subarray(at, at + expected.length).equals(expected);
}

function unsupported(message: string): SniffResult {
  return { ok: false, reason: 'unsupported', message };
}

function unreadable(message: string): SniffResult {
  return { ok: false, reason: 'unreadable', message };
}

function image(contentType: string, width: number, height: number): SniffResult {
  return { ok: true, media: { contentType, width, height, durationMs: null } };
}

function audio(contentType: string, durationMs: number | null): SniffResult {
  return { ok: true, media: { contentType, width: null, height: null, durationMs } };
}

// PNG: the signature, then IHDR first with width and height as big-endian 32-bit integers.
function sniffPng(bytes: Buffer): SniffResult {
  if (bytes.length < 24 || !startsWith(bytes, 'IHDR', 12)) return unreadable('The PNG has no IHDR header');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0) return unreadable('The PNG says it has no pixels');
  return image('image/png', width, height);
}

// Start-of-frame markers carry the dimensions: C0–CF except DHT (C4), JPG (C8) and DAC (CC).
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

// JPEG: walk the marker segments from SOI to the first SOFn, whose payload is precision (1 byte),
// height and width (2 bytes each, big-endian).
function sniffJpeg(bytes: Buffer): SniffResult {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return unreadable('The JPEG has a broken marker segment');
    let marker = bytes[at + 1] ?? 0;
    // Any number of 0xFF fill bytes may precede a marker.
    while (marker === 0xff && at + 2 < bytes.length) {
      at += 1;
      marker = bytes[at + 1] ?? 0;
    }
    at += 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9 || marker === 0xda) break;
    if (at + 2 > bytes.length) break;
    const length = bytes.readUInt16BE(at);
    if (length < 2) return unreadable('The JPEG has a broken marker segment');
    if (isStartOfFrame(marker)) {
      if (at + 7 > bytes.length) break;
      const height = bytes.readUInt16BE(at + 3);
      const width = bytes.readUInt16BE(at + 5);
      if (width === 0 || height === 0) return unreadable('The JPEG does not say how large it is');
      return image('image/jpeg', width, height);
    }
    at += length;
  }
  return unreadable('The JPEG has no frame header with its dimensions');
}

/** Artwork: JPEG or PNG by their signatures, with the pixel size from the PNG IHDR or the JPEG SOFn. */
export function sniffArtwork(bytes: Buffer): SniffResult {
  if (startsWith(bytes, PNG_SIGNATURE)) return sniffPng(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return sniffJpeg(bytes);
  return unsupported('Artwork must be a JPEG or PNG image');
}

// FLAC: "fLaC", then STREAMINFO as the first metadata block. Its 64 bits at offset 18 hold the
// sample rate (20 bits), channels (3), bits per sample (5) and the total samples (36; 0 = unknown).
function sniffFlac(bytes: Buffer): SniffResult {
  if (bytes.length < 42 || ((bytes[4] ?? 0) & 0x7f) !== 0)
    return unreadable('The FLAC file has no STREAMINFO');
  const b = (index: number): number => bytes[index] ?? 0;
  const sampleRate = (b(18) << 12) | (b(19) << 4) | (b(20) >> 4);
  if (sampleRate === 0) return unreadable('The FLAC file has no sample rate');
  const totalSamples = (b(21) & 0x0f) * 2 ** 32 + bytes.readUInt32BE(22);
  return audio('audio/flac', totalSamples === 0 ? null : Math.round((totalSamples * 1000) / sampleRate));
}

// WAV: RIFF chunks after "RIFF" <size> "WAVE"; the fmt chunk's byte rate and the data chunk's size
// give the length. A data size past the end of the file (a stream header) counts what is there.
function sniffWav(bytes: Buffer): SniffResult {
  let byteRate: number | null = null;
  let dataBytes: number | null = null;
  let at = 12;
  while (at + 8 <= bytes.length && (byteRate === null || dataBytes === null)) {
    const id = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) return unreadable('The WAV file has a short fmt chunk');
      byteRate = bytes.readUInt32LE(body + 8);
    } else if (id === 'data') {
      dataBytes = Math.min(size, bytes.length - body);
    }
    // Chunks are padded to an even length.
    at = body + size + (size % 2);
  }
  if (byteRate === null || byteRate === 0) return unreadable('The WAV file has no usable fmt chunk');
  if (dataBytes === null) return unreadable('The WAV file has no data chunk');
  return audio('audio/wav', Math.round((dataBytes * 1000) / byteRate));
}

/** Audio: FLAC or WAV (RIFF/WAVE) by their signatures, with the length from their headers. */
export function sniffAudio(bytes: Buffer): SniffResult {
  if (startsWith(bytes, 'fLaC')) return sniffFlac(bytes);
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WAVE', 8)) return sniffWav(bytes);
  return unsupported('Audio must be a FLAC or WAV file');
}

/** The sniffer of a kind of asset. */
export function sniffMedia(kind: AssetKind, bytes: Buffer): SniffResult {
  return kind === 'artwork' ? sniffArtwork(bytes) : sniffAudio(bytes);
}
