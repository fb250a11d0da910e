import type { Db } from '../../db/knex';
import { formatDate, formatIsoDate } from '../../i18n/format';
import type { Mailer } from '../mail/mailer';
import { isAgendaPublic } from '../meetings/meeting-status';
import { meetingHref } from '../meetings/presenter';
import { boardRecipients, boardsFollowing, findMeetingInfo, insertNotice, openItemsOf, setNoticeRecipients } from './repository';

/**
 * Tells the boards that follow the meeting's committee that its agenda is out: a notice
 * each (shown on "Mine møder") and a mail to each member, in one transaction of its own
 * after the publication committed. A board is told once per meeting. Never throws: the
 * agenda is already public, and a failed notice must not look like a failed publication.
 * Returns how many mails were queued.
 */
export async function notifyFollowingBoards(deps: { db: Db; mailer: Mailer; log?: (message: string, error?: unknown) => void }, meetingId: number, now: Date): Promise<number> {
  const { db, mailer } = deps;
  try {
    const queued = await db.transaction(async (trx) => {
      const meeting = await findMeetingInfo(trx, meetingId);
      if (!meeting || meeting.cancelled || !isAgendaPublic(meeting.status)) return 0;
      const boards = await boardsFollowing(trx, meeting.committeeId);
      if (boards.length === 0) return 0;
      const items = await openItemsOf(trx, meeting.id);
      const date = formatDate(meeting.startsAt);
      let count = 0;
      for (const board of boards) {
        if (!(await insertNotice(trx, board.id, meeting.id, now))) continue;
        const recipients = await boardRecipients(trx, board.id, formatIsoDate(now));
        const body = [
          `${board.name} følger ${meeting.committeeName}. Dagsordenen til udvalgets møde den ${date} er offentliggjort:`,
          `${mailer.baseUrl}${meetingHref(meeting.slug)}`,
          '',
          ...(items.length > 0 ? ['Åbne punkter:', ...items.map((i) => `Punkt ${i.number}. ${i.title}`), ''] : []),
          `Rådet kan sende bemærkninger til punkterne her: ${mailer.baseUrl}/raad/${board.id}`,
        ].join('\n');
        for (const r of recipients) {
          await mailer.queue(trx, { to: r.email, subject: `Ny dagsorden: ${meeting.committeeName} ${date}`, body, kind: 'board_agenda_notice', meetingId: meeting.id }, now);
        }
        await setNoticeRecipients(trx, board.id, meeting.id, recipients.length);
        count += recipients.length;
      }
      return count;
    });
    if (queued > 0) await mailer.flush(db, now);
    return queued;
  } catch (error) {
    (deps.log ?? ((m: string, e?: unknown) => console.error(m, e)))(`Rådene kunne ikke få besked om dagsordenen for møde ${meetingId}`, error);
    return 0;
  }
}
