import { escapeHtml } from '../../shared/text/html';

/** A rendered mail: Dutch subject, plain text and HTML. */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Whose sender address: the cheques service's (CHEQUES_MAIL_FROM) or, absent, the training database's (MAIL_FROM). */
  sender?: 'cheques';
}

const SIGNATURES = {
  default: 'Met vriendelijke groeten,\nTeam Opleidingsdatabank — Departement Werk en Sociale Economie',
  cheques: 'Met vriendelijke groeten,\nDienst Opleidingscheques — Departement Werk en Sociale Economie',
} as const;


/**
 * Builds both bodies from the same paragraphs, so text and HTML cannot say different things.
 * A paragraph that is an array is a bulleted list.
 */
export function composeMail(to: string[], subject: string, paragraphs: Array<string | string[]>, options: { sender?: 'cheques' } = {}): Mail {
  const signature = SIGNATURES[options.sender ?? 'default'];
  const text = [...paragraphs.map((p) => (Array.isArray(p) ? p.map((item) => `- ${item}`).join('\n') : p)), signature].join('\n\n');
  const html = [
    '<!doctype html><html lang="nl"><body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1f1f1f">',
    ...paragraphs.map((p) => (Array.isArray(p)
      ? `<ul>${p.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
      : `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)),
    `<p>${escapeHtml(signature).replace(/\n/g, '<br>')}</p>`,
    '</body></html>',
  ].join('');
  return { to, subject, text, html, ...(options.sender ? { sender: options.sender } : {}) };
}
