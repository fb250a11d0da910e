/** Why a file could not be written, in Danish, for the operator who runs `npm run publish`. */
const REASONS: Record<string, string> = {
  ENOSPC: 'der er ikke mere plads på disken',
  EDQUOT: 'diskkvoten er brugt op',
  EFBIG: 'filen er større, end systemet tillader (grænsen for filstørrelse, fx ulimit -f)',
  EACCES: 'der er ikke adgang til at skrive der',
  EPERM: 'filsystemet tillader ikke handlingen',
  EROFS: 'filsystemet er skrivebeskyttet',
  EIO: 'disken meldte en skrivefejl (I/O-fejl)',
  EMFILE: 'for mange filer er åbne på én gang',
  ENFILE: 'for mange filer er åbne på systemet',
  ENOTDIR: 'der ligger en fil, hvor der skal være en mappe',
  EISDIR: 'der ligger en mappe, hvor der skal være en fil',
  ENAMETOOLONG: 'et filnavn er for langt',
};

/** A Danish sentence naming the cause of a failed file operation, or null when the error is not one. */
export function describeWriteError(error: unknown): string | null {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || !(code in REASONS)) return null;
  const where = typeof path === 'string' ? ` (${path})` : '';
  return `Der kunne ikke skrives til disken${where}: ${REASONS[code]} [${code}]`;
}
