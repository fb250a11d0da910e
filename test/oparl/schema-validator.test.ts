import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSchemas, schemaForType, validate } from './schema-validator';

/** The validator the API tests rely on must itself reject what the OParl schemas forbid. */
describe('the OParl schema validator', () => {
  const schemas = loadSchemas();
  const meeting = schemas.get('Meeting');
  if (!meeting) throw new Error('Meeting.json is missing from test/fixtures/oparl-1.1-schema');

  const valid = {
    id: 'https://moeder.ballerup.dk/oparl/v1.1/meeting/6',
    type: 'https://schema.oparl.org/1.1/Meeting',
    name: 'Social- og Sundhedsudvalget',
    cancelled: false,
    start: '2021-04-06T14:00:00+02:00',
    organization: ['https://moeder.ballerup.dk/oparl/v1.1/organization/3'],
    invitation: { id: 'https://moeder.ballerup.dk/oparl/v1.1/file/dagsorden-6', type: 'https://schema.oparl.org/1.1/File', accessUrl: 'https://moeder.ballerup.dk/a.pdf' },
    agendaItem: [{ id: 'https://moeder.ballerup.dk/oparl/v1.1/agendaItem/1', type: 'https://schema.oparl.org/1.1/AgendaItem', order: 0 }],
    'moedebog:extension': 'extensions are allowed',
  };

  it('loads all twelve schemas', () => {
    expect([...schemas.keys()].sort()).toEqual(
      ['AgendaItem', 'Body', 'Consultation', 'File', 'LegislativeTerm', 'Location', 'Meeting', 'Membership', 'Organization', 'Paper', 'Person', 'System'].sort(),
    );
    expect(schemaForType('https://schema.oparl.org/1.1/Paper', schemas)).toBe(schemas.get('Paper'));
    expect(schemaForType('https://schema.oparl.org/1.0/Paper', schemas)).toBeUndefined();
  });

  it('accepts a valid meeting with embedded objects', () => {
    expect(validate(valid, meeting, schemas)).toEqual([]);
  });

  it('rejects a missing required property, a wrong type, a wrong type URL, and bad urls, dates and times', () => {
    const { id: _id, ...noId } = valid;
    expect(validate(noId, meeting, schemas)).toEqual(['$: "id" is required']);
    expect(validate({ ...valid, cancelled: 'nej' }, meeting, schemas)).toEqual(['$.cancelled: expected boolean, got string']);
    expect(validate({ ...valid, type: 'https://schema.oparl.org/1.1/Paper' }, meeting, schemas)).toHaveLength(1);
    expect(validate({ ...valid, id: '/oparl/v1.1/meeting/6' }, meeting, schemas)).toHaveLength(1);
    expect(validate({ ...valid, start: '2021-04-06 14:00' }, meeting, schemas)).toHaveLength(1);
    expect(validate({ ...valid, start: '2021-04-06T14:00:00' }, meeting, schemas)).toHaveLength(1);
    expect(validate({ ...valid, start: '2021-02-30T14:00:00Z' }, meeting, schemas)).toHaveLength(1);
    expect(validate({ ...valid, organization: 'https://x.dk/o/1' }, meeting, schemas)).toEqual(['$.organization: expected array, got string']);
    const term = schemas.get('LegislativeTerm');
    if (!term) throw new Error('LegislativeTerm.json is missing');
    expect(validate({ id: 'https://x.dk/t/1', type: 'https://schema.oparl.org/1.1/LegislativeTerm', startDate: '2018-13-01' }, term, schemas)).toHaveLength(1);
  });

  it('validates embedded objects against the schema they name', () => {
    const { accessUrl: _a, ...fileWithoutUrl } = valid.invitation;
    expect(validate({ ...valid, invitation: fileWithoutUrl }, meeting, schemas)).toEqual(['$.invitation: "accessUrl" is required']);
    expect(validate({ ...valid, agendaItem: [{ ...valid.agendaItem[0], order: '1' }] }, meeting, schemas)).toEqual(['$.agendaItem[0].order: expected integer, got string']);
  });

  it('refuses a schema with a keyword it does not implement', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oparl-schema-'));
    try {
      fs.writeFileSync(path.join(dir, 'X.json'), JSON.stringify({ type: 'object', properties: { a: { type: 'string', minLength: 2 } } }));
      expect(() => loadSchemas(dir)).toThrow(/minLength/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
