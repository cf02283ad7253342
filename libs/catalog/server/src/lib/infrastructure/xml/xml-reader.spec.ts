import { attributeOf, childNamed, childrenNamed } from './xml-element';
import { readXml, XmlReadError, type XmlErrorReason } from './xml-reader';

function refusal(source: string, limits = {}): XmlReadError {
  try {
    readXml(source, limits);
  } catch (error) {
    if (error instanceof XmlReadError) return error;
    throw error;
  }
  throw new Error('The document was accepted');
}

function expectRefused(source: string, reason: XmlErrorReason, path: string, limits = {}): XmlReadError {
  const error = refusal(source, limits);
  expect({ reason: error.reason, path: error.path }).toEqual({ reason, path });
  return error;
}

describe('readXml', () => {
  it('reads elements, namespaces, attributes, text, references and paths', () => {
    const root = readXml(
      [
        '\uFEFF<?xml version="1.0" encoding="UTF-8"?>',
        '<!-- a message -->',
        '<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/43" LanguageAndScriptCode="en">',
        '  <ResourceList>',
        '    <SoundRecording><Duration>PT3M25S</Duration></SoundRecording>',
        '    <SoundRecording><Title a="x&#10;y&#x41;">Tom &amp; Jerry &lt;3 <![CDATA[<raw> & ]]>&#x1F3B5;</Title></SoundRecording>',
        '  </ResourceList>',
        '  <?pi ignored?>',
        '</ern:NewReleaseMessage>',
      ].join('\n'),
    );
    expect(root.localName).toBe('NewReleaseMessage');
    expect(root.name).toBe('ern:NewReleaseMessage');
    expect(root.namespaceUri).toBe('http://ddex.net/xml/ern/43');
    expect(root.path).toBe('/NewReleaseMessage');
    expect(attributeOf(root, 'LanguageAndScriptCode')).toBe('en');
    const list = childNamed(root, 'ResourceList');
    const recordings = list === undefined ? [] : childrenNamed(list, 'SoundRecording');
    expect(recordings.map((recording) => recording.path)).toEqual([
      '/NewReleaseMessage/ResourceList/SoundRecording',
      '/NewReleaseMessage/ResourceList/SoundRecording[2]',
    ]);
    const title = recordings[1] === undefined ? undefined : childNamed(recordings[1], 'Title');
    expect(title?.text).toBe('Tom & Jerry <3 <raw> & 🎵');
    expect(title?.namespaceUri).toBeNull();
    expect(title === undefined ? undefined : attributeOf(title, 'a')).toBe('x\nyA');
  });

  it('refuses a billion laughs document at its DOCTYPE, before any entity is declared', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      '  <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
      ']>',
      '<lolz>&lol9;</lolz>',
    ].join('\n');
    const error = expectRefused(laughs, 'doctype', '/');
    expect(error.message).toContain('DOCTYPE is not allowed');
    expect({ line: error.line, column: error.column }).toEqual({ line: 2, column: 1 });
  });

  it('refuses an external entity (XXE) and never reads the file', () => {
    expectRefused(
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>',
      'doctype',
      '/',
    );
    expectRefused('<r><!DOCTYPE r SYSTEM "http://example.test/evil.dtd"></r>', 'doctype', '/r');
  });

  it('refuses entities other than the five predefined ones', () => {
    const error = expectRefused('<r><a>&xxe;</a></r>', 'undefined-entity', '/r/a');
    expect(error.message).toContain('&xxe;');
    expectRefused('<r a="&nbsp;"/>', 'undefined-entity', '/');
    expectRefused('<r>&#0;</r>', 'not-well-formed', '/r');
    expectRefused('<r>fish & chips</r>', 'not-well-formed', '/r');
  });

  it('refuses 10,000 nested elements at the depth limit, naming the element', () => {
    const depth = 10_000;
    const error = expectRefused(
      `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`,
      'too-deep',
      `/${Array.from({ length: 65 }, () => 'a').join('/')}`,
    );
    expect(error.message).toContain('64 levels');
  });

  it('refuses a 2 MiB text node', () => {
    const error = expectRefused(
      `<m><big>${'x'.repeat(2 * 1024 * 1024)}</big></m>`,
      'text-too-long',
      '/m/big',
    );
    expect(error.message).toContain('1048576 bytes');
    expectRefused(`<m><![CDATA[${'y'.repeat(2 * 1024 * 1024)}]]></m>`, 'text-too-long', '/m');
  });

  it('counts text in UTF-8 bytes', () => {
    expect(readXml(`<m>${'é'.repeat(10)}</m>`, { maxTextBytes: 20 }).text).toBe('é'.repeat(10));
    expectRefused(`<m>${'é'.repeat(11)}</m>`, 'text-too-long', '/m', { maxTextBytes: 20 });
  });

  it('refuses a truncated document, naming the open element', () => {
    const error = expectRefused(
      '<NewReleaseMessage><ResourceList><SoundRecording><Duration>PT3M',
      'truncated',
      '/NewReleaseMessage/ResourceList/SoundRecording/Duration',
    );
    expect(error.message).toContain('</Duration>');
    expectRefused('<r><a b="x', 'truncated', '/r/a');
    expectRefused('', 'truncated', '/');
    expectRefused('<?xml version="1.0"?>\n<!-- only a comment -->', 'truncated', '/');
  });

  it('refuses mismatched tags with line, column and path', () => {
    const error = expectRefused(
      '<NewReleaseMessage>\n  <ResourceList>\n    <SoundRecording></Duration>\n  </ResourceList>\n</NewReleaseMessage>',
      'mismatched-tag',
      '/NewReleaseMessage/ResourceList/SoundRecording',
    );
    expect({ line: error.line, column: error.column }).toEqual({ line: 3, column: 31 });
    expect(error.message).toBe('</Duration> does not close <SoundRecording> (line 3, column 31)');
  });

  it('refuses an element with more attributes than allowed, and duplicates', () => {
    const attributes = Array.from({ length: 1000 }, (_, i) => `a${i}="${i}"`).join(' ');
    expectRefused(`<r><e ${attributes}/></r>`, 'too-many-attributes', '/r/e');
    expectRefused('<r a="1" a="2"/>', 'not-well-formed', '/r');
  });

  it('enforces the element count, the document size and the name length', () => {
    expectRefused(`<r>${'<e/>'.repeat(11)}</r>`, 'too-many-elements', '/r/e[11]', { maxElements: 11 });
    expect(readXml(`<r>${'<e/>'.repeat(10)}</r>`, { maxElements: 11 }).children).toHaveLength(10);
    expectRefused(`<r>${'x'.repeat(100)}</r>`, 'document-too-large', '/', { maxDocumentBytes: 64 });
    expectRefused(`<r><${'n'.repeat(300)}/></r>`, 'name-too-long', '/r');
  });

  it('refuses what is not well-formed', () => {
    expectRefused('<r></r><r2/>', 'not-well-formed', '/');
    expectRefused('text<r/>', 'not-well-formed', '/');
    expectRefused('<r>a ]]> b</r>', 'not-well-formed', '/r');
    expectRefused('<r><!-- a -- b --></r>', 'not-well-formed', '/r');
    expectRefused('<r>\u0001</r>', 'not-well-formed', '/r');
    expectRefused('<r a=1/>', 'not-well-formed', '/r');
    expectRefused('<r a="1"b="2"/>', 'not-well-formed', '/r');
    expectRefused('<r a="<"/>', 'not-well-formed', '/r');
    expectRefused('<p:r/>', 'unbound-prefix', '/r');
    expectRefused('<?xml version="1.0" encoding="ISO-8859-1"?><r/>', 'unsupported-encoding', '/');
    expectRefused('<r/><?xml version="1.0"?>', 'not-well-formed', '/');
  });
});
