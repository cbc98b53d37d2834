import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config';

export type MailMessage = { to: string; subject: string; text: string };
export type MailOutcome = 'sent' | 'logged' | 'not_configured';

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, t);
  }
  return t;
}

/**
 * Sends one e-mail through SMTP_URL. Without it, demo mode writes the message to the log so the
 * link can be followed on a laptop; anywhere else nothing is sent (and no token is logged).
 * A failed send throws; sendSurvey catches it per parent, so the e-mails already sent keep a link.
 */
export async function sendMail(config: Config, message: MailMessage): Promise<MailOutcome> {
  const { smtpUrl, from } = config.mail;
  if (!smtpUrl) {
    if (!config.demo) return 'not_configured';
    process.stdout.write(
      `${JSON.stringify({ level: 30, msg: 'demo e-mail (SMTP_URL is not set)', from, ...message })}\n`,
    );
    return 'logged';
  }
  await transportFor(smtpUrl).sendMail({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
  });
  return 'sent';
}
