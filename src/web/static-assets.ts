import path from 'node:path';

/**
 * Where the site's static files come from, in one place: the web app mounts them,
 * the PDF renderers resolve their requests from them, and the static site copies them.
 */
// The dkfds package only exports its JS; its dist/ folder (css, js, fonts, icons) sits next to it.
export const DKFDS_DIST = path.resolve(path.dirname(require.resolve('dkfds')), '..');
export const PUBLIC_DIR = path.resolve(__dirname, '../../public');
export const PRINT_CSS = path.join(PUBLIC_DIR, 'css', 'print.css');

/** URL prefix → folder, as the app serves them. */
export const ASSET_MOUNTS = [
  { prefix: '/assets/dkfds/', dir: DKFDS_DIST },
  { prefix: '/assets/', dir: PUBLIC_DIR },
] as const;
