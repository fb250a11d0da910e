import fs from 'node:fs';
import path from 'node:path';

/** Every file below a folder, as paths relative to it. */
export function files(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}
