import { spawnSync } from 'node:child_process';

/**
 * Writes back the file systems' dirty pages (sync(1)) and waits for it. A full publish leaves
 * gigabytes of files in memory, which the kernel writes back some 30 s later, in the middle of
 * whatever is measured then: flushed at once, between measures, it falls into none.
 */
export function flushFileSystems(): void {
  spawnSync('sync', { stdio: 'ignore' });
}
