import type { ImportFormat } from './model';
import { rootElementName } from './xml';

/**
 * Which export a file is, from its content alone (file names mean nothing here):
 * eDoc writes <Meeting>, SBSYS and eDagsorden write <Publication>, and Acadre writes
 * <root> holding <table name="agenda">.
 */
export function detectFormat(xml: string): ImportFormat | null {
  const root = rootElementName(xml);
  if (root === 'Meeting') return 'edoc';
  if (root === 'Publication') return 'publication';
  if (root === 'root' && /<table\s+name\s*=\s*["']agenda["']/.test(xml)) return 'acadre';
  return null;
}
