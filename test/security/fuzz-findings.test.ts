import { TEST_MAX_UPLOAD_BYTES } from '../helpers/app';
import { submittedFields } from './fuzz-forms';
import { type Lane, openLanes, type Who } from './fuzz-lane';
import { type FilePart, multipartBody } from './fuzz-multipart';
import { STAGED_ANSWER_TOKEN } from './fuzz-stage';
import { isDanish, refusalMessages } from './refusal-message';

/*
 * What the fuzz test (test/security/fuzz.test.ts) found, kept as fixed cases: each answered 500,
 * or refused in English, before it was fixed. Each must now be refused in Danish, changing nothing.
 */

describe('hostile input the fuzz test found', () => {
  const lanes: Lane[] = [];
  let lane: Lane;
  const stage = (name: string): Record<string, string> => {
    const found = lane.stages.find((s) => s.name === name);
    if (!found) throw new Error(`no staged state "${name}"`);
    return found.params;
  };

  beforeAll(async () => {
    await openLanes(lanes, 1);
    lane = lanes[0] as Lane;
  });
  afterAll(async () => {
    for (const l of lanes) await l.t.drop();
  });

  /** Sends the request and returns its messages, having checked it was refused in Danish and changed nothing. */
  async function refusal(who: Who, method: 'GET' | 'POST' | 'multipart', path: string, body: string | { body: Buffer; contentType: string } = ''): Promise<{ status: number; messages: string[] }> {
    const before = await lane.counter.read();
    const browser = lane.browsers[who];
    const res =
      typeof body !== 'string' ? await browser.postMultipart(path, body.body, body.contentType) : method === 'POST' ? await browser.post(path, body) : await browser.get(path);
    expect(await lane.counter.read()).toBe(before);
    const messages = refusalMessages({ status: res.status, contentType: String(res.headers['content-type'] ?? ''), text: res.text });
    expect({ status: res.status >= 400 && res.status < 500, messages: messages.length > 0 && messages.every(isDanish) }).toEqual({ status: true, messages: true });
    return { status: res.status, messages };
  }

  it('refuses the NUL character (which PostgreSQL text cannot hold) in form fields, query strings and paths', async () => {
    const approval = stage('approval round');
    const consultation = stage('consultation');
    const nul = { status: 400, messages: ['Forespørgslen indeholder et tegn, der ikke kan gemmes (et nul-tegn). Gå tilbage, fjern tegnet, og prøv igen.'] };
    expect(await refusal('secretary', 'POST', `/admin/moeder/${approval.meetingId}/bemaerkninger/${approval.remarkId}`, 'answer=a%00b')).toEqual(nul);
    expect(
      await refusal('secretary', 'POST', `/admin/punkter/${consultation.itemId}/hoeringer/${consultation.consultationId}/notat/parter/${consultation.partyId}/punkter`, 'text=%00&refs=-0&refs=1'),
    ).toEqual(nul);
    expect(await refusal('visitor', 'GET', '/soeg?q=a%00b')).toEqual(nul);
    expect(await refusal('visitor', 'GET', '/sager/27.00%00')).toEqual(nul);
  });

  it('refuses the NUL character in the text fields and file names of upload forms (multipart), which are read after the other forms’ fields were checked', async () => {
    const planned = stage('planned meeting');
    const outside = stage('open consultation: outside party');
    const nul = { status: 400, messages: ['Forespørgslen indeholder et tegn, der ikke kan gemmes (et nul-tegn). Gå tilbage, fjern tegnet, og prøv igen.'] };
    const pdf: FilePart = { field: 'file', fileName: 'bilag.pdf', nameAs: 'browser', contentType: 'application/pdf', content: { kind: 'fixture', file: 'attachments/minimal.pdf' } };
    /** The upload form as `who` sees it on `page`, with `set` filled in and `files` attached */
    const upload = async (who: Who, page: string, action: string, set: Record<string, string>, files: FilePart[]) => {
      const html = (await lane.browsers[who === 'secretary' ? 'admin' : who].get(page)).text;
      return multipartBody(submittedFields(html, action, set).map(([field, value]) => ({ field, value })), files, { kind: 'none' });
    };
    // Each answered 500 before: the fields reached PostgreSQL.
    const attachments = `/admin/punkter/${planned.itemId}/bilag`;
    expect(await refusal('secretary', 'multipart', attachments, await upload('secretary', attachments, attachments, { title: 'Bilag\u0000' }, [pdf]))).toEqual(nul);
    const answer = `/hoering/svar/${STAGED_ANSWER_TOKEN}`;
    expect(await refusal('visitor', 'multipart', answer, await upload('visitor', answer, answer, { sender: 'a\u0000b', text: 'Vores svar' }, []))).toEqual(nul);
    const party = `/admin/punkter/${outside.itemId}/hoeringer/${outside.consultationId}/parter/${outside.partyId}`;
    expect(await refusal('secretary', 'multipart', `${party}/svar`, await upload('secretary', party, `${party}/svar`, { sender: 'Afsender', text: 'Svar\u0000' }, []))).toEqual(nul);
    // A file name with a NUL (RFC 5987 lets a client send one), in every upload form; and a field over the size limit does not skip the check.
    const named = (field: string): FilePart => ({ ...pdf, field, nameAs: 'rfc5987', fileName: 'bilag\u0000.pdf' });
    expect(await refusal('visitor', 'multipart', answer, await upload('visitor', answer, answer, { text: 'Vores svar' }, [named('file')]))).toEqual(nul);
    expect(await refusal('admin', 'multipart', '/admin/import', await upload('admin', '/admin/import', '/admin/import', {}, [named('files')]))).toEqual(nul);
    const tooLarge: FilePart = { ...pdf, content: { kind: 'size', bytes: TEST_MAX_UPLOAD_BYTES + 1 } };
    expect(await refusal('secretary', 'multipart', attachments, await upload('secretary', attachments, attachments, { title: 'a\u0000' }, [tooLarge]))).toEqual(nul);
  });

  it('answers a repeated field, or a value no option matches, with the field’s own Danish message', async () => {
    const sample = lane.sample;
    const approval = stage('approval round');
    expect((await refusal('visitor', 'POST', '/login', 'email=a&email=b&password=x')).messages).toEqual(['Skriv din e-mailadresse']);
    expect((await refusal('visitor', 'POST', '/login', 'email=a%40b.dk&password=x&next=%2Fa&next=%2Fb')).messages).toEqual(['Genindlæs siden, og prøv igen']);
    expect((await refusal('secretary', 'POST', `/admin/bilag/${sample.attachmentId}`, 'public=ja')).messages).toContain('Sæt kryds eller lad feltet stå tomt');
    expect((await refusal('secretary', 'POST', `/admin/moeder/${sample.meetingId}/punkter`, 'title=Et+punkt&kind=regular&closed=ja')).messages).toEqual(['Sæt kryds eller lad feltet stå tomt']);
    expect((await refusal('secretary', 'POST', `/admin/moeder/${sample.meetingId}`, 'endTime=10%3A00&endTime=11%3A00')).messages).toContain('Skriv klokkeslættet som tt:mm, fx 17:00');
    expect((await refusal('secretary', 'POST', `/admin/punkter/${sample.itemId}`, 'decidedBy=1&decidedBy=2')).messages).toContain('Vælg hvem der træffer beslutningen');
    expect((await refusal('member', 'POST', `/mine-moeder/${approval.meetingId}/godkend`, 'hash=a&hash=b')).messages).toEqual(['Genindlæs siden og prøv igen']);
  });

  it('refuses a save of an item from a stale form without making the new case the form names', async () => {
    // The case was made in a transaction of its own before the item's version was checked: the refusal (409) left it behind.
    const refused = await refusal('secretary', 'POST', `/admin/punkter/${lane.sample.itemId}`, 'version=0&title=Et+punkt&caseNumber=1e309');
    expect(refused.status).toBe(409);
  });
});
