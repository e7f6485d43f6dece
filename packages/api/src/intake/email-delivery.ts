// E-mail delivery of notifications (issue 5 item 7): an outbox job over `notification`. Each pending row is sent
// to its recipient when their preference wants that kind (domain `wantsEmail`), through SMTP (nodemailer) named by
// SMTP_URL. The message says only that there is a new notification, its reference number and a link: never a
// name or anything else about a person. Nothing about the recipient or the message reaches a log, only counts and
// notification ids.
import { claimPendingEmails, deleteExpiredDrafts, expireStaleEmails, markEmailHandled, type Database } from '@utvag/db';
import { draftExpiryCutoff, emailMaxAgeHours, wantsEmail, type NotificationKind } from '@utvag/domain';
import { getTranslator, type Locale } from '@utvag/i18n';
import nodemailer from 'nodemailer';
import PgBoss from 'pg-boss';
import type { Logger } from '../logger.ts';

export interface MailConfig {
  smtpUrl: string;
  from: string;
  /** Public addresses of the portals, for the link in the message. */
  staffUrl: string;
  partnerUrl: string;
}

/** SMTP_URL (e.g. smtp://user:pass@mail.example:587), MAIL_FROM, STAFF_URL, PARTNER_URL; null when SMTP_URL is unset. */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  if (!env.SMTP_URL) return null;
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM || 'Utväg <no-reply@utvag.invalid>',
    staffUrl: env.STAFF_URL || `http://localhost:${env.STAFF_PORT || 3000}`,
    partnerUrl: env.PARTNER_URL || `http://localhost:${env.PARTNER_PORT || 3001}`,
  };
}

export interface Mailer {
  send(message: { to: string; from: string; subject: string; text: string }): Promise<unknown>;
}

export function smtpMailer(config: MailConfig): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(config.smtpUrl);
  return { send: (m) => transport.sendMail(m), close: () => transport.close() };
}

/** The message for one notification: the reference number and a link, no personal data. */
export function notificationEmail(n: { kind: NotificationKind; reference: string; locale: string; portal: 'staff' | 'partner' }, config: MailConfig) {
  const t = getTranslator((n.locale === 'en' ? 'en' : 'sv') as Locale);
  const base = (n.portal === 'staff' ? config.staffUrl : config.partnerUrl).replace(/\/$/, '');
  const link = `${base}/aviseringar`;
  return {
    subject: t('notificationEmail.subject', { reference: n.reference }),
    text: t('notificationEmail.body', { reference: n.reference, link, settings: `${base}/konto/e-post` }),
  };
}

/** One round of the outbox: sends what is pending (up to `limit`), marks each row handled. */
export async function deliverPendingEmails(
  db: Database,
  mailer: Mailer,
  config: MailConfig,
  log: Logger,
  opts: { now?: Date; limit?: number } = {},
) {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - emailMaxAgeHours * 60 * 60 * 1000);
  const expired = await expireStaleEmails(db, since);
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  await db.transaction(async (tx) => {
    const rows = await claimPendingEmails(tx, { since, limit: opts.limit ?? 50 });
    for (const row of rows) {
      if (row.disabledAt || !wantsEmail(row.preference, row.kind)) {
        await markEmailHandled(tx, { id: row.id, sent: false });
        skipped += 1;
        continue;
      }
      try {
        await mailer.send({ to: row.email, from: config.from, ...notificationEmail(row, config) });
        await markEmailHandled(tx, { id: row.id, sent: true });
        sent += 1;
      } catch {
        // Left pending: the next round tries again (until it is stale). The error may quote the address: not logged.
        failed += 1;
        log.warn('notification.email.failed', { notificationId: row.id });
      }
    }
  });
  log.info('notification.email.round', { sent, skipped, failed, expired });
  return { sent, skipped, failed, expired };
}

export const emailQueue = 'notification-email';
export const draftCleanupQueue = 'draft-cleanup';

/**
 * The intake jobs on the pg-boss queue: the e-mail outbox every minute (when SMTP_URL is set; otherwise it logs
 * once that e-mail is off) and the nightly clean-up of expired drafts.
 */
export async function startIntakeJobs(opts: {
  connectionString: string;
  db: Database;
  log: Logger;
  env?: NodeJS.ProcessEnv;
  schedule?: boolean;
}) {
  const config = mailConfigFromEnv(opts.env ?? process.env);
  const boss = new PgBoss({ connectionString: opts.connectionString, max: 2 });
  boss.on('error', () => undefined); // surfaced through the job's state; never logs job data
  await boss.start();
  await boss.createQueue(draftCleanupQueue);
  if (opts.schedule !== false) await boss.schedule(draftCleanupQueue, '15 3 * * *', {}, { tz: 'Europe/Stockholm' });
  await boss.work(draftCleanupQueue, async () => {
    const deleted = await deleteExpiredDrafts(opts.db, draftExpiryCutoff(new Date()));
    opts.log.info('draft.cleanup', { deleted });
  });
  let mailer: ReturnType<typeof smtpMailer> | null = null;
  if (!config) {
    opts.log.info('notification.email.off', { why: 'SMTP_URL is not set: notifications stay in-app only' });
  } else {
    mailer = smtpMailer(config);
    const m = mailer;
    await boss.createQueue(emailQueue);
    if (opts.schedule !== false) await boss.schedule(emailQueue, '* * * * *');
    await boss.work(emailQueue, async () => {
      await deliverPendingEmails(opts.db, m, config, opts.log);
    });
  }
  return {
    boss,
    mailEnabled: config !== null,
    async stop() {
      await boss.stop({ graceful: true, wait: true });
      mailer?.close();
    },
  };
}
