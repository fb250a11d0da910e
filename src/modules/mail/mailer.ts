import type { Knex } from 'knex';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/knex';

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
  kind: string;
  meetingId?: number | null;
}

export interface Mailer {
  /** Queues a mail in the outbox inside the caller's transaction: it goes out only if the change commits. */
  queue(trx: Knex.Transaction, message: MailMessage, now: Date): Promise<void>;
  /** Sends queued mail when SMTP is configured; without it, mail stays captured in the outbox for admins to read. */
  flush(db: Db, now: Date): Promise<void>;
  baseUrl: string;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string; baseUrl: string }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    baseUrl: options.baseUrl,
    async queue(trx, message, now) {
      await trx('mail_outbox').insert({
        to_address: message.to,
        subject: message.subject,
        body: message.body,
        kind: message.kind,
        meeting_id: message.meetingId ?? null,
        created_at: now,
      });
    },
    async flush(db, now) {
      if (!transport) return;
      const pending = (await db('mail_outbox').whereNull('sent_at').whereNull('error').orderBy('id').limit(100).select('id', 'to_address', 'subject', 'body')) as Array<{
        id: number;
        to_address: string;
        subject: string;
        body: string;
      }>;
      for (const mail of pending) {
        try {
          await transport.sendMail({ from: options.from, to: mail.to_address, subject: mail.subject, text: mail.body });
          await db('mail_outbox').where({ id: mail.id }).update({ sent_at: now });
        } catch (error) {
          await db('mail_outbox').where({ id: mail.id }).update({ error: String(error).slice(0, 1000) });
        }
      }
    },
  };
}
