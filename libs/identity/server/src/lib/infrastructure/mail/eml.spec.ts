import {
  composeEml,
  decodeHeaderValue,
  decodeQuotedPrintable,
  encodeHeaderValue,
  encodeQuotedPrintable,
  parseEml,
  rfc5322Date,
} from './eml';

const draft = {
  from: 'Bandstand <no-reply@bandstand.localhost>',
  to: 'ann@example.org',
  subject: 'Confirm your e-mail address',
  text: 'Hello Ann,\n\nopen http://localhost:3000/fan/verify-email?token=abc.def_123\n\n— Bandstand',
  date: new Date('2026-11-21T09:05:03.123Z'),
  messageId: '0b7f5c1e-1111-4a4a-9c9c-222233334444@bandstand.localhost',
};

describe('composeEml', () => {
  it('writes RFC 5322 headers, a blank line and a quoted-printable UTF-8 body, with CRLF', () => {
    const eml = composeEml(draft);
    const blank = eml.indexOf('\r\n\r\n');
    const head = eml.slice(0, blank);
    const body = eml.slice(blank + 4);
    expect(head.split('\r\n')).toEqual([
      'From: Bandstand <no-reply@bandstand.localhost>',
      'To: ann@example.org',
      'Subject: Confirm your e-mail address',
      'Date: Sat, 21 Nov 2026 09:05:03 +0000',
      'Message-ID: <0b7f5c1e-1111-4a4a-9c9c-222233334444@bandstand.localhost>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
    ]);
    expect(body).toContain('token=3Dabc.def_123');
    expect(body).toContain('=E2=80=94 Bandstand');
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('encodes a non-ASCII subject and sender name as RFC 2047 words of at most 75 characters', () => {
    const subject = 'Zoë, ta réinitialisation de mot de passe est prête — Bandstand Örebro 🎸';
    const eml = composeEml({ ...draft, subject, from: 'Bändstand <no-reply@bandstand.localhost>' });
    const head = eml.split('\r\n\r\n')[0] ?? '';
    expect(head).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(head).toContain('From: =?UTF-8?B?QsOkbmRzdGFuZA==?= <no-reply@bandstand.localhost>');
    for (const word of head.match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? [])
      expect(word.length).toBeLessThanOrEqual(75);
    expect(head).not.toMatch(/[^\x20-\x7e\r\n]/);
    expect(parseEml(eml).headers.get('subject')).toBe(subject);
    expect(parseEml(eml).headers.get('from')).toBe('Bändstand <no-reply@bandstand.localhost>');
  });

  it('refuses header values with line breaks (header injection)', () => {
    expect(() => composeEml({ ...draft, to: 'ann@example.org\r\nBcc: all@example.org' })).toThrow(
      'line break',
    );
    expect(() => composeEml({ ...draft, subject: 'Hi\nBcc: all@example.org' })).toThrow('line break');
  });
});

describe('quoted-printable', () => {
  it('keeps lines at 76 characters with soft breaks and round-trips any text', () => {
    const text = `${'€'.repeat(60)} trailing space \nline with = sign\t\n${'x'.repeat(200)}\n\nÅngström 🎸`;
    const encoded = encodeQuotedPrintable(text);
    for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(encoded).not.toMatch(/[ \t]\r\n/);
    expect(decodeQuotedPrintable(encoded).toString('utf8').replace(/\r\n/g, '\n')).toBe(text);
  });
});

describe('header encoding', () => {
  it('leaves printable ASCII alone and decodes B and Q words, joining adjacent ones', () => {
    expect(encodeHeaderValue('Plain subject')).toBe('Plain subject');
    expect(decodeHeaderValue('=?UTF-8?B?WsOr?= =?utf-8?Q?_and_=C3=85sa?=')).toBe('Zë and Åsa');
    expect(decodeHeaderValue('=?ISO-8859-1?Q?Caf=E9?= au lait')).toBe('Café au lait');
  });

  it('formats dates as RFC 5322 in UTC', () => {
    expect(rfc5322Date(new Date('2027-01-02T03:04:05Z'))).toBe('Sat, 02 Jan 2027 03:04:05 +0000');
  });
});

describe('parseEml', () => {
  it('reads back what composeEml wrote', () => {
    const text = 'Hello Zoë,\n\n' + 'a long line '.repeat(20) + '\n\nhttps://example.org/x?token=a=b';
    const parsed = parseEml(Buffer.from(composeEml({ ...draft, text }), 'utf8'));
    expect(parsed.text).toBe(text);
    expect(parsed.headers.get('to')).toBe('ann@example.org');
    expect(parsed.headers.get('message-id')).toBe(`<${draft.messageId}>`);
  });

  it('finds the text and HTML parts of a multipart message, base64 or folded', () => {
    const raw = [
      'From: a@example.org',
      'To: b@example.org',
      'Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=',
      'Content-Type: multipart/alternative;',
      ' boundary="--_b1"',
      '',
      'preamble',
      '----_b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('Grüße aus Köln').toString('base64'),
      '----_b1',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p>Gr=C3=BC=C3=9Fe</p>',
      '----_b1--',
      'epilogue',
      '',
    ].join('\r\n');
    const parsed = parseEml(raw);
    expect(parsed.headers.get('subject')).toBe('Grüße');
    expect(parsed.text).toBe('Grüße aus Köln');
    expect(parsed.html).toBe('<p>Grüße</p>');
  });
});
