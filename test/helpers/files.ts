import fs from 'node:fs';
import path from 'node:path';

/** Every file below a folder, as paths relative to it. Symlinks are followed (a published meeting's folder is one). */
export function files(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return fs.statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}
