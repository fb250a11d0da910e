import { concurrently, type Db } from '../../db/knex';
import { DEFAULT_PAGE_SIZE, totalPagesOf } from './list-query';
import * as repo from './repository';
import { BODY_LISTS, oparlUrls, type PdfFileVariant } from './urls';

/**
 * The path of every object and of every page of every list the API serves without
 * filters: what the static site holds. A fixed number of queries (one per kind of
 * object, whatever the amount of data), from the same SQL that decides what the API
 * shows, so the static tree has exactly the live API's objects, soft-deleted ones
 * (tombstones) included, and each list in pages of the default size.
 */
export async function oparlPaths(db: Db, options: { withPdfs: boolean; today: string }): Promise<string[]> {
  const urls = oparlUrls('');
  const keysOf = (kind: repo.ListKind) => repo.allKeys(db, kind, options);
  const [bodies, organizations, people, memberships, meetings, items, consultations, papers, locations, terms, files, amendments, voteEvents] = await concurrently(db, [
    () => keysOf('body'),
    () => keysOf('organization'),
    () => keysOf('person'),
    () => keysOf('membership'),
    () => keysOf('meeting'),
    () => keysOf('agendaItem'),
    () => keysOf('consultation'),
    () => keysOf('paper'),
    () => keysOf('location'),
    () => keysOf('legislativeTerm'),
    () => keysOf('file'),
    () => repo.amendmentMotions(db, { all: true }),
    () => repo.voteEvents(db, { all: true }),
  ]);
  // Ballots only of votes the public has seen; a withdrawn vote's ballots are tombstones under the same URLs.
  const ballots = await repo.ballots(db, voteEvents.map((v) => v.id));

  const paths: string[] = [urls.system()];
  const pages = (count: number, pageUrl: (page: number) => string) => {
    for (let page = 1; page <= totalPagesOf(count, DEFAULT_PAGE_SIZE); page++) paths.push(pageUrl(page));
  };
  const countBy = (rows: repo.IndexRow[], key: (row: repo.IndexRow) => number | undefined) => {
    const counts = new Map<number, number>();
    for (const row of rows) {
      const k = key(row);
      if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };

  pages(bodies.length, (page) => urls.bodies(page));
  const byList: Record<(typeof BODY_LISTS)[number], repo.IndexRow[]> = {
    organization: organizations,
    person: people,
    membership: memberships,
    meeting: meetings,
    agendaItem: items,
    consultation: consultations,
    paper: papers,
    location: locations,
    legislativeTerm: terms,
    file: files,
  };
  for (const list of BODY_LISTS) {
    const counts = countBy(byList[list], (row) => row.bodyId);
    for (const body of bodies) pages(counts.get(body.id ?? 0) ?? 0, (page) => urls.bodyList(body.id ?? 0, list, page));
  }
  const meetingsOf = countBy(meetings, (row) => row.organizationId);
  for (const organization of organizations) pages(meetingsOf.get(organization.id ?? 0) ?? 0, (page) => urls.organizationMeetings(organization.id ?? 0, page));

  const ids = (rows: repo.IndexRow[], url: (id: number) => string) => {
    for (const row of rows) paths.push(url(row.id ?? 0));
  };
  ids(bodies, urls.body);
  ids(organizations, urls.organization);
  ids(people, urls.person);
  ids(memberships, urls.membership);
  ids(meetings, urls.meeting);
  ids(items, urls.agendaItem);
  ids(consultations, urls.consultation);
  ids(papers, urls.paper);
  for (const row of locations) paths.push(urls.location(row.key ?? ''));
  for (const row of terms) paths.push(urls.legislativeTerm(row.bodyId ?? 0, row.startYear ?? 0));
  for (const row of files) paths.push(row.grp === 0 ? urls.attachmentFile(row.num ?? 0) : urls.meetingFile(row.num ?? 0, row.variant as PdfFileVariant));
  for (const row of amendments) paths.push(urls.amendmentMotion(row.id));
  for (const row of voteEvents) {
    paths.push(urls.voteEvent(row.id));
    if (row.amendmentId === null) paths.push(urls.pointMotion(row.id));
  }
  for (const row of ballots) paths.push(urls.vote(row.voteId, row.personId));
  return paths;
}
