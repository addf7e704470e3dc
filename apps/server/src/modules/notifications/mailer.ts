import nodemailer from 'nodemailer';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Sends email through SMTP (`SMTP_URL`, e.g. smtp://user:pass@mail.example.com:587). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** A nodemailer transport for `smtpUrl`; undefined when email is not configured. */
export function createMailer(smtpUrl: string | undefined, from = 'ParkOS <no-reply@parkos.local>'): Mailer | undefined {
  if (!smtpUrl) return undefined;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      if (mail.to.length === 0) return;
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
