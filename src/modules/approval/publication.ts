import path from 'node:path';
import type { Db } from '../../db/knex';
import { viewEngine, VIEWS_DIR } from '../../view/engine';
import { loadMeetingView } from '../meetings/service';
import type { Publication } from './service';

/** Renders the public referat with the same templates as the live page, to keep each published version readable as it was. */
export function createPublication(): Publication {
  const engine = viewEngine();
  const file = path.join(VIEWS_DIR, 'snapshots', 'minutes.hbs');
  return {
    async renderPublicHtml(db: Db, meetingId: number): Promise<string> {
      const row = await db('meetings').where({ id: meetingId }).first('slug');
      const meeting = await loadMeetingView(db, row.slug as string, 'public');
      if (!meeting) throw new Error(`meeting ${meetingId} has no public view`);
      return engine.render(file, { meeting, layout: false });
    },
  };
}
