import os from 'node:os';
import { availableMemory, sharedBuffersFor } from '../../src/db/embedded-postgres';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';

describe("the embedded PostgreSQL's page cache", () => {
  it('is an eighth of the machine\'s memory, from 128 MB up to 1 GB', () => {
    const gb = 1024 ** 3;
    expect(sharedBuffersFor(0.5 * gb)).toBe('128MB');
    expect(sharedBuffersFor(4 * gb)).toBe('512MB');
    expect(sharedBuffersFor(6 * gb)).toBe('768MB');
    expect(sharedBuffersFor(64 * gb)).toBe('1024MB');
  });

  it('is what the cluster the tests run on was started with', async () => {
    const t: TestDb = await cloneDemoDatabase();
    try {
      const { setting, unit } = (await t.db.raw<{ rows: Array<{ setting: string; unit: string }> }>("SELECT setting, unit FROM pg_settings WHERE name = 'shared_buffers'")).rows[0] ?? { setting: '', unit: '' };
      // Counted in pages of 8 kB.
      expect(unit).toBe('8kB');
      expect(`${(Number(setting) * 8) / 1024}MB`).toBe(sharedBuffersFor(availableMemory()));
      // Never more than the machine has, whatever a container's limit says (none: the largest number).
      expect(availableMemory()).toBeLessThanOrEqual(os.totalmem());
    } finally {
      await t.drop();
    }
  });
});
