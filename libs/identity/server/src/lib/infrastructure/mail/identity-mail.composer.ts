import { Injectable } from '@nestjs/common';
import { type OrgRole } from '@bandstand/shared/contracts';
import { type MailMessage } from '../../ports/mail.port';

const PRODUCT = 'Bandstand';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Names come from users: no line breaks or control characters that could forge lines of the mail.
function clean(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
}

function checkedLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Error('A link in an e-mail must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('A link in an e-mail must be an absolute http(s) URL');
  }
  return url.href;
}

function withArticle(role: OrgRole): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}

/** One paragraph of a mail: plain text, or a link with the label its HTML button shows. */
type Block = string | { readonly link: string; readonly label: string };

function render(to: string, subject: string, blocks: readonly Block[]): MailMessage {
  const text = [
    ...blocks.map((block) => (typeof block === 'string' ? block : block.link)),
    `— ${PRODUCT}`,
  ].join('\n\n');
  const body = blocks
    .map((block) =>
      typeof block === 'string'
        ? `<p>${escapeHtml(block)}</p>`
        : `<p><a href="${escapeHtml(block.link)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#1f4fd1;color:#ffffff;text-decoration:none">${escapeHtml(block.label)}</a></p>\n<p style="font-size:13px;color:#555555">${escapeHtml(block.link)}</p>`,
    )
    .join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    body,
    `<p>— ${PRODUCT}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject, text, html };
}

/**
 * The identity context's e-mails, in plain text and simple HTML (every value escaped). Links are
 * built by the caller from PUBLIC_URL and must be absolute http(s) URLs.
 */
@Injectable()
export class IdentityMailComposer {
  verifyEmail(input: {
    readonly to: string;
    readonly displayName: string;
    readonly link: string;
  }): MailMessage {
    const link = checkedLink(input.link);
    const name = clean(input.displayName);
    return render(input.to, `Confirm your e-mail address for ${PRODUCT}`, [
      name.length > 0 ? `Hello ${name},` : 'Hello,',
      `please confirm that this is your e-mail address to finish creating your ${PRODUCT} account:`,
      { link, label: 'Confirm my e-mail address' },
      `If you did not sign up for ${PRODUCT}, ignore this message: the account stays inactive.`,
    ]);
  }

  /** Sent instead of a verification when someone signs up with an address that already has an account. */
  accountExists(input: { readonly to: string; readonly link: string }): MailMessage {
    const link = checkedLink(input.link);
    return render(input.to, `You already have a ${PRODUCT} account`, [
      'Hello,',
      `someone, perhaps you, tried to create a ${PRODUCT} account with this e-mail address. You already have one, so no new account was made.`,
      'If you have forgotten your password, choose a new one here:',
      { link, label: 'Reset my password' },
      'If it was not you, ignore this message: nothing has changed.',
    ]);
  }

  passwordReset(input: { readonly to: string; readonly link: string }): MailMessage {
    const link = checkedLink(input.link);
    return render(input.to, `Reset your ${PRODUCT} password`, [
      'Hello,',
      `we received a request to reset the password of your ${PRODUCT} account. Choose a new password here:`,
      { link, label: 'Choose a new password' },
      'The link works once. If you did not ask for it, ignore this message: your password stays as it is.',
    ]);
  }

  passwordChanged(input: { readonly to: string }): MailMessage {
    return render(input.to, `Your ${PRODUCT} password was changed`, [
      'Hello,',
      `the password of your ${PRODUCT} account was just changed, and your other sessions were signed out.`,
      'If you did not do this, reset your password at once from the sign-in page and tell our support team.',
    ]);
  }

  invitation(input: {
    readonly to: string;
    readonly orgName: string;
    readonly role: OrgRole;
    readonly invitedBy: string;
    readonly link: string;
  }): MailMessage {
    const link = checkedLink(input.link);
    const orgName = clean(input.orgName);
    const invitedBy = clean(input.invitedBy);
    return render(input.to, `${invitedBy} invited you to join ${orgName} on ${PRODUCT}`, [
      'Hello,',
      `${invitedBy} invited you to join ${orgName} on ${PRODUCT} as ${withArticle(input.role)}.`,
      { link, label: 'Accept the invitation' },
      'The invitation is valid for 7 days. If you do not know the sender, ignore this message.',
    ]);
  }
}
