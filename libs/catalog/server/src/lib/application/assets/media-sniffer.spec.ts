import { flacAudio, jpegImage, pngImage, wavAudio } from './media-fixtures';
import { sniffArtwork, sniffAudio, sniffMedia } from './media-sniffer';

describe('reading what an upload is from its content', () => {
  it('reads a PNG’s size from its IHDR', () => {
    expect(sniffArtwork(pngImage(1400, 1200))).toEqual({
      ok: true,
      media: { contentType: 'image/png', width: 1400, height: 1200, durationMs: null },
    });
  });

  it.each([
    { frame: 0xc0, name: 'SOF0 (baseline)' },
    { frame: 0xc2, name: 'SOF2 (progressive)' },
  ])('reads a JPEG’s size from its $name frame header, past other segments', ({ frame }) => {
    expect(sniffArtwork(jpegImage(3000, 2999, frame))).toEqual({
      ok: true,
      media: { contentType: 'image/jpeg', width: 3000, height: 2999, durationMs: null },
    });
  });

  it('refuses a PNG or JPEG whose header is cut short as unreadable', () => {
    expect(sniffArtwork(pngImage(10, 10).subarray(0, 20))).toMatchObject({ ok: false, reason: 'unreadable' });
    const jpeg = jpegImage(10, 10);
    // Up to the comment segment: no frame header.
    expect(sniffArtwork(jpeg.subarray(0, 30))).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('refuses anything else as artwork, whatever it claims to be', () => {
    expect(sniffArtwork(Buffer.from('just some text, not a picture'))).toEqual({
      ok: false,
      reason: 'unsupported',
      message: 'Artwork must be a JPEG or PNG image',
    });
    expect(sniffArtwork(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(sniffMedia('artwork', flacAudio(44_100, 44_100))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
  });

  it('reads a FLAC file’s length from STREAMINFO', () => {
    // 3 min 25.5 s at 48 kHz.
    expect(sniffAudio(flacAudio(48_000, 48_000 * 205.5))).toEqual({
      ok: true,
      media: { contentType: 'audio/flac', width: null, height: null, durationMs: 205_500 },
    });
    // Over 2^32 samples: the 36-bit count's top bits count too (27 h at 44.1 kHz).
    expect(sniffAudio(flacAudio(44_100, 2 ** 32 + 44_100))).toMatchObject({
      ok: true,
      media: { durationMs: Math.round(((2 ** 32 + 44_100) * 1000) / 44_100) },
    });
  });

  it('leaves a FLAC file’s length unknown when STREAMINFO does not count its samples', () => {
    expect(sniffAudio(flacAudio(44_100, 0))).toMatchObject({ ok: true, media: { durationMs: null } });
  });

  it('reads a WAV file’s length from its fmt and data chunks, past other chunks', () => {
    // 2.5 s of 16-bit stereo at 44.1 kHz.
    expect(sniffAudio(wavAudio(44_100, 2, 16, 44_100 * 4 * 2.5))).toEqual({
      ok: true,
      media: { contentType: 'audio/wav', width: null, height: null, durationMs: 2500 },
    });
  });

  it('counts only the data that is there when a WAV header claims more', () => {
    const wav = wavAudio(8000, 1, 8, 8000);
    // Cut after half a second of data.
    expect(sniffAudio(wav.subarray(0, wav.length - 4000))).toMatchObject({
      ok: true,
      media: { durationMs: 500 },
    });
  });

  it('refuses a WAV without fmt or data, and anything that is not FLAC or WAV', () => {
    const riffOnly = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')]);
    expect(sniffAudio(riffOnly)).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(sniffAudio(pngImage(2, 2))).toEqual({
      ok: false,
      reason: 'unsupported',
      message: 'Audio must be a FLAC or WAV file',
    });
    expect(sniffAudio(Buffer.from('ID3 but not really'))).toMatchObject({ ok: false, reason: 'unsupported' });
  });
});
