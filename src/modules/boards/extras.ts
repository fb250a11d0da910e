import type { Db } from '../../db/knex';
import { formatIsoDate } from '../../i18n/format';
import { reportHref } from './annual-report';
import { meetingFigures, yearFigures } from './attendance';
import { presentComment, presentNotices, presentYears, type CommentView, type NoticeView, type YearFiguresView } from './presenter';
import { commentsOfBoard, commentsOnMeeting, noticesForPerson, publishedReportYears } from './repository';

/**
 * What other modules' pages show of boards, attendance and annual reports. Each returns
 * one object the page passes on to a partial (views/partials/board-*.hbs).
 */

export interface CommitteeFacts {
  /** Attendance per year, from meetings whose minutes are public */
  attendance: YearFiguresView[];
  reports: Array<{ year: number; href: string }>;
  /** For a board: its newest comments to committees' agendas */
  comments: CommentView[];
  commentsHref: string | null;
  isBoard: boolean;
}

/** The public committee page: attendance figures, published annual reports and (boards) comments sent. */
export async function committeeFacts(db: Db, committee: { id: number; kind: string; slug: string }): Promise<{ boardFacts: CommitteeFacts }> {
  const isBoard = committee.kind === 'advisory_board';
  const [figures, years, comments] = await Promise.all([
    meetingFigures(db, committee.id, { publicOnly: true }),
    publishedReportYears(db, committee.id),
    isBoard ? commentsOfBoard(db, committee.id, { limit: 5 }) : Promise.resolve([]),
  ]);
  return {
    boardFacts: {
      // A committee whose members are not registered has no figures worth showing.
      attendance: presentYears(yearFigures(figures).filter((y) => y.invited > 0)),
      reports: years.map((year) => ({ year, href: reportHref(committee.slug, year) })),
      comments: comments.map(presentComment),
      commentsHref: isBoard ? `/udvalg/${committee.slug}/bemaerkninger` : null,
      isBoard,
    },
  };
}

/** "Mine møder": the newest agendas of committees the person's boards follow. */
export async function memberNotices(db: Db, personId: number | null, now: Date): Promise<{ boardNotices: NoticeView[] }> {
  if (personId === null) return { boardNotices: [] };
  return { boardNotices: presentNotices(await noticesForPerson(db, personId, formatIsoDate(now), 10)) };
}

/** A member's meeting page: the boards' comments on its (open) items. */
export async function meetingComments(db: Db, meetingId: number): Promise<{ boardComments: CommentView[] }> {
  return { boardComments: (await commentsOnMeeting(db, meetingId)).map(presentComment) };
}
