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
 * Every URL the API hands out, built from one origin: the configured public base
 * URL, or the request's own protocol and host. Object ids are these URLs.
 */
export function oparlUrls(origin: string) {
  const api = `${origin}${OPARL_PREFIX}`;
  return {
    origin,
    /** A path of the public web site (the `web` of an object) */
    site: (path: string) => `${origin}${path}`,
    system: () => `${api}/system`,
    bodies: () => `${api}/body`,
    body: (id: number) => `${api}/body/${id}`,
    bodyList: (id: number, list: BodyList) => `${api}/body/${id}/${list}`,
    legislativeTerm: (bodyId: number, startYear: number) => `${api}/legislativeTerm/${bodyId}-${startYear}`,
    organization: (id: number) => `${api}/organization/${id}`,
    organizationMeetings: (id: number) => `${api}/organization/${id}/meeting`,
    person: (id: number) => `${api}/person/${id}`,
    membership: (id: number) => `${api}/membership/${id}`,
    meeting: (id: number) => `${api}/meeting/${id}`,
    agendaItem: (id: number) => `${api}/agendaItem/${id}`,
    paper: (id: number) => `${api}/paper/${id}`,
    /** One consultation per open item on a case: it shares the item's id */
    consultation: (itemId: number) => `${api}/consultation/${itemId}`,
    attachmentFile: (attachmentId: number) => `${api}/file/${attachmentId}`,
    meetingFile: (meetingId: number, variant: PdfFileVariant) => `${api}/file/${variant}-${meetingId}`,
    location: (key: string) => `${api}/location/${key}`,
    amendmentMotion: (amendmentId: number) => `${api}/motion/amendment-${amendmentId}`,
    pointMotion: (voteId: number) => `${api}/motion/point-${voteId}`,
    voteEvent: (voteId: number) => `${api}/voteEvent/${voteId}`,
    vote: (voteId: number, personId: number) => `${api}/vote/${voteId}/${personId}`,
  };
}

export type OparlUrls = ReturnType<typeof oparlUrls>;
