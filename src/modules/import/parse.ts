import { parseAcadre } from './acadre';
import { detectFormat } from './detect';
import { parseEdoc } from './edoc';
import { ImportFileError, type ParsedExport } from './model';
import { parsePublication } from './publication';
import { cleanXml, parseXml } from './xml';

/** Reads one export file: repairs what can be repaired, detects the format from the content, and parses it. Throws ImportFileError. */
export function parseExport(bytes: Buffer): ParsedExport {
  const { text, warnings } = cleanXml(bytes);
  const format = detectFormat(text);
  const root = parseXml(text);
  if (!format) throw new ImportFileError('Formatet genkendes ikke: filen er hverken en eDoc-, Publication- (SBSYS/eDagsorden) eller Acadre-eksport');
  const meetings = format === 'edoc' ? parseEdoc(root) : format === 'publication' ? parsePublication(root) : parseAcadre(root);
  for (const meeting of meetings) {
    const seen = new Set<number>();
    for (const item of meeting.items) {
      if (seen.has(item.number)) throw new ImportFileError(`Punkt ${item.number} findes to gange på mødet`, `møde ${meeting.externalId}`);
      seen.add(item.number);
    }
  }
  return { format, meetings, warnings };
}
