import { type Lane, openLanes, type Who } from './fuzz-lane';
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
  async function refusal(who: Who, method: 'GET' | 'POST', path: string, body = ''): Promise<{ status: number; messages: string[] }> {
    const before = await lane.counter.read();
    const res = method === 'POST' ? await lane.browsers[who].post(path, body) : await lane.browsers[who].get(path);
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
});
