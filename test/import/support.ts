import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/db/knex';
import { createPublication } from '../../src/modules/approval/publication';
import { importFiles, type ImportReport } from '../../src/modules/import/service';
import { fixedNow } from '../helpers/clock';

export const FIXTURES = path.resolve(__dirname, '../fixtures/esdh');
export const EDOC = 'ballerup-edoc-sundhedsudvalg-2012-12-04.xml';
export const PUBLICATION = 'regionh-forretningsudvalget-2012-09-25.xml';
export const ACADRE = 'syddjurs-acadre-puk-2013-06-20.xml';

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

export function fixtureText(name: string): string {
  return fixture(name).toString('utf8');
}

const publication = createPublication();

/** Imports files (name → content) in-process, as the upload page and the command line do. */
export function importBuffers(db: Db, files: Array<{ name: string; bytes: Buffer | string }>, bodySlug?: string): Promise<ImportReport> {
  return importFiles(
    db,
    files.map((f) => ({ name: f.name, bytes: typeof f.bytes === 'string' ? Buffer.from(f.bytes, 'utf8') : f.bytes })),
    { now: fixedNow(), userId: null, publication, bodySlug },
  );
}

export function importSamples(db: Db): Promise<ImportReport> {
  return importBuffers(
    db,
    [EDOC, PUBLICATION, ACADRE].map((name) => ({ name, bytes: fixture(name) })),
  );
}

/** A fingerprint of every row of every table (sessions aside): equal fingerprints mean no row was added, changed or removed. */
export async function databaseDigest(db: Db): Promise<Record<string, string>> {
  const tables = (await db('pg_tables').where({ schemaname: 'public' }).whereNotIn('tablename', ['session']).whereNot('tablename', 'like', 'knex_%').orderBy('tablename').pluck('tablename')) as string[];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const r = await db.raw<{ rows: Array<{ n: number; h: string | null }> }>(`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${table}" t`);
    out[table] = `${r.rows[0]?.n}:${r.rows[0]?.h ?? ''}`;
  }
  return out;
}

/** Text without any whitespace: pypdf's line breaks and the export's paragraphs compare equal. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The referat text beside the eDoc sample, cut into its items: number, title, case
 * number, and the text under each label. Page headers are removed first.
 */
export interface ReferatItem {
  number: number;
  title: string;
  caseNumber: string;
  sections: Map<string, string>;
  decision: string;
}

export function edocReferatItems(text: string): ReferatItem[] {
  const body = text
    .replace(/Sundheds- og Forebyggelsesudvalget\nReferat\nÅbent referat\nDato: 04\.12\.2012\nSide \d+\n/g, '')
    .split('Lukket referat\n')[1] as string;
  const labels = ['Sammendrag', 'Baggrund', 'Sagsfremstilling', 'Økonomiske konsekvenser og finansiering', 'Bilag', 'Beslutningen træffes af', 'Indstilling'];
  const items: ReferatItem[] = [];
  const heads = [...body.matchAll(/^(\d{1,2})\. ([^\n]+(?:\n[^\n]+){0,2}?)\nSagsnr\.: (\S+)\n/gm)];
  heads.forEach((h, i) => {
    const start = (h.index ?? 0) + h[0].length;
    const end = i + 1 < heads.length ? (heads[i + 1]?.index ?? body.length) : body.length;
    const block = body.slice(start, end);
    const lines = block.split('\n');
    const sections = new Map<string, string>();
    let current: string | null = null;
    let decision = '';
    let inDecision = false;
    for (const line of lines) {
      const trimmed = line.trim();
      if (/beslutning den 04\.12\.2012 Punkt \d+$/.test(trimmed)) {
        inDecision = true;
        current = null;
        continue;
      }
      if (trimmed.startsWith('Følgende deltog ikke')) {
        inDecision = false;
        continue;
      }
      if (inDecision) {
        decision += `${line}\n`;
        continue;
      }
      if (labels.includes(trimmed)) {
        current = trimmed;
        sections.set(current, '');
        continue;
      }
      if (current) sections.set(current, `${sections.get(current) ?? ''}${line}\n`);
    }
    items.push({ number: Number(h[1]), title: (h[2] ?? '').replace(/\s+/g, ' ').trim(), caseNumber: h[3] ?? '', sections, decision: decision.trim() });
  });
  return items;
}
