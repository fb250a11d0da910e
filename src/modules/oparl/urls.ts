/** Where the API lives under the site's origin. */
export const OPARL_PREFIX = '/oparl/v1.1';

export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';

/** The extension types (Popolo's vote model) live in our own namespace. */
export const POPOLO_NAMESPACE = 'https://schema.moedebog.dk/popolo/';

export type OparlType =
  | 'System'
  | 'Body'
  | 'LegislativeTerm'
  | 'Organization'
  | 'Person'
  | 'Membership'
  | 'Meeting'
  | 'AgendaItem'
  | 'Paper'
  | 'Consultation'
  | 'File'
  | 'Location';

export type PopoloType = 'Motion' | 'VoteEvent' | 'Vote';

export function oparlType(type: OparlType): string {
  return `https://schema.oparl.org/1.1/${type}`;
}

export function popoloType(type: PopoloType): string {
  return `${POPOLO_NAMESPACE}${type}`;
}

/** The lists a body links to, by the path segment of their URL. */
export const BODY_LISTS = ['organization', 'person', 'meeting', 'paper', 'agendaItem', 'consultation', 'file', 'location', 'legislativeTerm', 'membership'] as const;
export type BodyList = (typeof BODY_LISTS)[number];

export type PdfFileVariant = 'dagsorden' | 'referat' | 'samlet';

/**
 * Every URL of the API names a file: it ends in ".json", and a list's further pages
 * live under the list's name ("…/meeting.json", "…/meeting/page-2.json"). So no URL
 * is the folder of another (an object "body/1.json" beside its lists "body/1/meeting.json"),
 * and the same URLs work as files of the static site, served as application/json by
 * any web server that knows the extension. The live API also answers the list filters
 * (`?modified_since=` …) as query strings; the static site has the unfiltered pages only.
 */
export const JSON_SUFFIX = '.json';

/** The URL of a page of the list whose name (without ".json") is `base`; page 1 is the list's own URL. */
export function listPageUrl(base: string, page: number): string {
  return page <= 1 ? `${base}${JSON_SUFFIX}` : `${base}/page-${page}${JSON_SUFFIX}`;
}

/** Objects per folder of the numbered kinds: "…/agendaItem/412/41234.json" */
export const SHELF_SIZE = 100;

/**
 * The folder of a numbered object: its number's hundred. The kinds a large municipality has tens of thousands
 * of (meetings, items, files, votes …) are kept in folders of a hundred, so the static publisher can share an
 * unchanged folder between versions whole (publishing/static-site.ts) instead of linking every file anew.
 */
export const shelfOf = (n: number) => String(Math.floor(n / SHELF_SIZE));

/** The kinds filed on shelves, and the number a shelf is chosen by (from the last path segment, or the vote's) */
export const SHELVED = ['meeting', 'agendaItem', 'paper', 'consultation', 'file', 'motion', 'voteEvent', 'vote'] as const;

/**
 * Every URL the API hands out, built from one origin: the configured public base
 * URL, or the request's own protocol and host. Object ids are these URLs. With an
 * empty origin they are the root-relative paths (what the static publisher asks for).
 */
export function oparlUrls(origin: string) {
  const api = `${origin}${OPARL_PREFIX}`;
  const file = (path: string) => `${api}${path}${JSON_SUFFIX}`;
  return {
    origin,
    /** A path of the public web site (the `web` of an object) */
    site: (path: string) => `${origin}${path}`,
    system: () => file('/system'),
    bodies: (page = 1) => listPageUrl(`${api}/body`, page),
    body: (id: number) => file(`/body/${id}`),
    bodyList: (id: number, list: BodyList, page = 1) => listPageUrl(`${api}/body/${id}/${list}`, page),
    legislativeTerm: (bodyId: number, startYear: number) => file(`/legislativeTerm/${bodyId}-${startYear}`),
    organization: (id: number) => file(`/organization/${id}`),
    organizationMeetings: (id: number, page = 1) => listPageUrl(`${api}/organization/${id}/meeting`, page),
    person: (id: number) => file(`/person/${id}`),
    membership: (id: number) => file(`/membership/${id}`),
    meeting: (id: number) => file(`/meeting/${shelfOf(id)}/${id}`),
    agendaItem: (id: number) => file(`/agendaItem/${shelfOf(id)}/${id}`),
    paper: (id: number) => file(`/paper/${shelfOf(id)}/${id}`),
    /** One consultation per open item on a case: it shares the item's id */
    consultation: (itemId: number) => file(`/consultation/${shelfOf(itemId)}/${itemId}`),
    attachmentFile: (attachmentId: number) => file(`/file/${shelfOf(attachmentId)}/${attachmentId}`),
    meetingFile: (meetingId: number, variant: PdfFileVariant) => file(`/file/${shelfOf(meetingId)}/${variant}-${meetingId}`),
    location: (key: string) => file(`/location/${key}`),
    amendmentMotion: (amendmentId: number) => file(`/motion/${shelfOf(amendmentId)}/amendment-${amendmentId}`),
    pointMotion: (voteId: number) => file(`/motion/${shelfOf(voteId)}/point-${voteId}`),
    voteEvent: (voteId: number) => file(`/voteEvent/${shelfOf(voteId)}/${voteId}`),
    vote: (voteId: number, personId: number) => file(`/vote/${shelfOf(voteId)}/${voteId}/${personId}`),
  };
}

export type OparlUrls = ReturnType<typeof oparlUrls>;
