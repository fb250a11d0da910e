import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeJson } from '../../src/lib/write-json';

describe('writeJson: large records written in parts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moedebog-write-json-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const written = async (parts: Parameters<typeof writeJson>[1]) => {
    const file = path.join(dir, 'out.json');
    await writeJson(file, parts);
    return fs.readFileSync(file, 'utf8');
  };

  it('gives exactly the text of JSON.stringify, across many chunks, with odd keys and values left out as it leaves them', async () => {
    const entries: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) entries[`/dagsorden/møde-${i}/punkt-"${i % 7}"\u2028`] = { file: `f${i}`, links: i % 3 ? [] : ['/a', '/æ'], stamp: i % 5 ? 'x' : null };
    // Left out by JSON.stringify: undefined values, including the first and the last entries of a chunk.
    entries['/weg-0'] = undefined;
    Object.assign(entries, Object.fromEntries(Array.from({ length: 4096 }, (_, i) => [`/u${i}`, undefined])));
    entries['/sidst'] = 1;
    const index = { site: 'abc', entries };
    expect(await written([`{"site":${JSON.stringify(index.site)},"entries":`, entries, '}'])).toBe(JSON.stringify(index));
    expect(JSON.parse(await written([entries]))).toEqual(JSON.parse(JSON.stringify(entries)));
  });

  it('writes empty records, and records of only left-out values, as {}', async () => {
    expect(await written([{}])).toBe('{}');
    expect(await written([{ a: undefined }])).toBe(JSON.stringify({ a: undefined }));
    expect(await written(['[', {}, ',', { b: 2 }, ']'])).toBe('[{},{"b":2}]');
  });
});
