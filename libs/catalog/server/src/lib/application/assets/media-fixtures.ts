import { crc32, deflateSync } from 'node:zlib';

// Test fixtures: real files of each accepted type, built in memory so that no binary is checked in.

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A valid greyscale PNG of `width`×`height` pixels (a diagonal gradient, so rows differ). */
export function pngImage(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // colour type: greyscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    // Each row starts with its filter type (0: none).
    for (let x = 0; x < width; x++) rows[row + 1 + x] = (x + y) % 256;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt8(0xff, 0);
  head.writeUInt8(marker, 1);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/**
 * The headers of a baseline JPEG of `width`×`height` (SOI, JFIF APP0, a comment, SOF`frame`, SOS)
 * and a few bytes of scan data: all a reader of its dimensions looks at.
 */
export function jpegImage(width: number, height: number, frame = 0xc0): Buffer {
  const jfif = Buffer.from([
    0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00,
  ]);
  const sof = Buffer.alloc(15);
  sof.writeUInt8(8, 0);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  sof.writeUInt8(3, 5);
  for (let component = 0; component < 3; component++) {
    sof.writeUInt8(component + 1, 6 + component * 3);
    sof.writeUInt8(0x11, 7 + component * 3);
    sof.writeUInt8(0, 8 + component * 3);
  }
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jpegSegment(0xe0, jfif),
    jpegSegment(0xfe, Buffer.from('made for a test', 'latin1')),
    // A fill byte before the marker, which readers must skip.
    Buffer.from([0xff]),
    jpegSegment(frame, sof),
    jpegSegment(0xda, Buffer.from([0x01, 0x01, 0x00, 0x00, 0x3f, 0x00])),
    Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]),
  ]);
}

/** A FLAC stream's header: "fLaC" and a STREAMINFO block with the given rate and total samples. */
export function flacAudio(sampleRate: number, totalSamples: number, frames = Buffer.alloc(64, 0x5a)): Buffer {
  const info = Buffer.alloc(34);
  info.writeUInt16BE(4096, 0);
  info.writeUInt16BE(4096, 2);
  const packed =
    (BigInt(sampleRate) << 44n) |
    (1n << 41n) /* 2 channels */ |
    (15n << 36n) /* 16 bits */ |
    BigInt(totalSamples);
  info.writeBigUInt64BE(packed, 10);
  const blockHeader = Buffer.from([0x80, 0x00, 0x00, 34]);
  return Buffer.concat([Buffer.from('fLaC', 'latin1'), blockHeader, info, frames]);
}

/** A PCM WAV file of `dataBytes` bytes of silence, with an odd-sized LIST chunk before its data. */
export function wavAudio(
  sampleRate: number,
  channels: number,
  bitsPerSample: number,
  dataBytes: number,
): Buffer {
  const blockAlign = (channels * bitsPerSample) / 8;
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8);
  fmt.writeUInt16LE(channels, 10);
  fmt.writeUInt32LE(sampleRate, 12);
  fmt.writeUInt32LE(sampleRate * blockAlign, 16);
  fmt.writeUInt16LE(blockAlign, 20);
  fmt.writeUInt16LE(bitsPerSample, 22);
  const info = Buffer.from('INFOISFT\x05\x00\x00\x00test\x00', 'latin1');
  const list = Buffer.concat([Buffer.from('LIST', 'latin1'), Buffer.alloc(4), info, Buffer.alloc(1)]);
  list.writeUInt32LE(info.length, 4);
  const data = Buffer.alloc(8 + dataBytes);
  data.write('data', 0, 'latin1');
  data.writeUInt32LE(dataBytes, 4);
  const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), fmt, list, data]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}
