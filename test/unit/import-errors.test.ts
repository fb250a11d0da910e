import { describeUnexpectedError } from '../../src/modules/import/model';

describe('an import error nobody foresaw, as the report shows it', () => {
  it('names the kind of problem in Danish with the database code, never the database text', () => {
    const tooLong = Object.assign(new Error('value too long for type character varying(255)'), { code: '22001' });
    const duplicate = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' });
    const other = Object.assign(new Error('could not serialize access'), { code: '40001' });
    expect(describeUnexpectedError(tooLong)).toBe('en værdi i filen har en form eller længde, databasen ikke kan gemme (fejlkode 22001)');
    expect(describeUnexpectedError(duplicate)).toContain('dublet (fejlkode 23505)');
    expect(describeUnexpectedError(other)).toBe('databasen kunne ikke gemme den (fejlkode 40001)');
    expect(describeUnexpectedError(new TypeError('Cannot read properties of undefined'))).toBe('en uventet fejl i importen');
    for (const e of [tooLong, duplicate, other]) expect(describeUnexpectedError(e)).not.toContain(e.message);
  });
});
