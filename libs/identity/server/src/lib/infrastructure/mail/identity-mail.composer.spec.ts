import { IdentityMailComposer } from './identity-mail.composer';

describe('IdentityMailComposer', () => {
  const mails = new IdentityMailComposer();
  const link = 'http://localhost:3000/fan/verify-email?token=abc&x=1';

  it('writes the verification mail in text and HTML, with the link in both', () => {
    const message = mails.verifyEmail({ to: 'ann@example.org', displayName: 'Ann', link });
    expect(message.to).toBe('ann@example.org');
    expect(message.subject).toBe('Confirm your e-mail address for Bandstand');
    expect(message.text).toContain('Hello Ann,');
    expect(message.text).toContain(`\n\n${link}\n\n`);
    expect(message.html).toContain('href="http://localhost:3000/fan/verify-email?token=abc&amp;x=1"');
  });

  it('escapes every value in the HTML and keeps names on one line in the text', () => {
    const message = mails.invitation({
      to: 'zoe@example.org',
      orgName: '<script>alert("x")</script> & Sons',
      role: 'editor',
      invitedBy: 'Mallory\r\nBcc: everyone@example.org',
      link: 'https://bandstand.example/creator/invitations/accept?token=t',
    });
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    expect(message.subject).toBe(
      'Mallory Bcc: everyone@example.org invited you to join <script>alert("x")</script> & Sons on Bandstand',
    );
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.text).toContain('as an editor.');
    expect(message.text).not.toMatch(/Mallory\r?\n/);
  });

  it('names the role with its article', () => {
    const invite = (role: 'owner' | 'reader') =>
      mails.invitation({ to: 'a@example.org', orgName: 'Label', role, invitedBy: 'Ann', link }).text;
    expect(invite('owner')).toContain('as an owner.');
    expect(invite('reader')).toContain('as a reader.');
  });

  it('refuses links that are not absolute http(s) URLs', () => {
    for (const bad of ['javascript:alert(1)', '/fan/verify-email?token=x', 'data:text/html,hi']) {
      expect(() => mails.passwordReset({ to: 'a@example.org', link: bad })).toThrow('http(s) URL');
    }
  });

  it('writes the account-exists, reset and changed mails', () => {
    const reset = 'http://localhost:3000/fan/reset-password?token=r';
    expect(mails.accountExists({ to: 'a@example.org', link: reset })).toMatchObject({
      subject: 'You already have a Bandstand account',
      text: expect.stringContaining(reset) as unknown,
    });
    expect(mails.passwordReset({ to: 'a@example.org', link: reset })).toMatchObject({
      subject: 'Reset your Bandstand password',
      text: expect.stringContaining(reset) as unknown,
      html: expect.stringContaining(`href="${reset}"`) as unknown,
    });
    const changed = mails.passwordChanged({ to: 'a@example.org' });
    expect(changed.subject).toBe('Your Bandstand password was changed');
    expect(changed.text).not.toContain('http');
  });
});
