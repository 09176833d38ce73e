import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps what it receives, for tests of the mail the platform
 * sends (nodemailer over SMTP, as in production).
 */
export type Received = { to: string[]; subject: string; text: string };

/** Undoes the body's transfer encoding (nodemailer uses quoted-printable for Vietnamese text). */
function decodeBody(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const soft = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      const hex = soft[i] === '=' ? /^[0-9A-F]{2}$/i.exec(soft.slice(i + 1, i + 3))?.[0] : undefined;
      if (hex) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

/** Enough of RFC 5322 / MIME for our plain-text mails: the subject and the decoded text part. */
export function parseMail(raw: string, to: string[]): Received {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  let body = raw.slice(split + 4);
  let partHeaders = headers;
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  if (boundary) {
    const part = body
      .split(`--${boundary}`)
      .find((p) => /content-type:\s*text\/plain/i.test(p.slice(0, p.indexOf('\r\n\r\n'))));
    const at = part!.indexOf('\r\n\r\n');
    partHeaders = part!.slice(0, at);
    body = part!.slice(at + 4);
  }
  const rawSubject = /^subject:\s*(.*)$/im.exec(headers)?.[1] ?? '';
  // Encoded words (=?UTF-8?B?…?= or =?UTF-8?Q?…?=) for a non-ASCII subject.
  const subject = rawSubject
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeBody('content-transfer-encoding: quoted-printable', text.replace(/_/g, ' ')),
    );
  return { to, subject, text: decodeBody(partHeaders, body) };
}

export function startSmtp(port: number, inbox: Received[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        inbox.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export const stopSmtp = (server: SMTPServer | undefined) =>
  new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
