import nodemailer, { type Transporter } from 'nodemailer';

export type Mail = { to: string; subject: string; text: string; html?: string };
export type Mailer = { send(mail: Mail): Promise<void>; describe: string };

/**
 * Outgoing e-mail through SMTP_URL. Without it (a laptop demo) mails are written to the log so
 * the links in them can still be followed; the start banner says so.
 */
export function createMailer(
  smtpUrl: string | undefined,
  from: string,
  log: (msg: string, mail: Mail) => void,
): Mailer {
  if (!smtpUrl) {
    return {
      describe: 'log only (SMTP_URL not set)',
      send: async (mail) => log('mail not sent (no SMTP_URL)', mail),
    };
  }
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  const safe = new URL(smtpUrl);
  if (safe.password) safe.password = '***';
  return {
    describe: `SMTP ${safe.toString()}`,
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
  };
}
