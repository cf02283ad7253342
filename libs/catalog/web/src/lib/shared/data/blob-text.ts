/** A blob's text, read as UTF-8 (FileReader: `Blob.text` is missing in some environments, jsdom among them). */
export function readBlobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(blob, 'utf-8');
  });
}
