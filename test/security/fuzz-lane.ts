import { testApp } from '../helpers/app';
import { cloneDemoDatabase, type TestDb } from '../helpers/test-db';
import { type ChangeCounter, installChangeCounter } from './change-counter';
import { anonymousSession, listen, type Listening, loginSession, type WebSession } from './fuzz-http';
import { type Stage, stageStates } from './fuzz-stage';
import { sampleParams } from './route-samples';

/* A lane of the fuzz test (test/security/fuzz.test.ts): a private copy of the demo data with a change counter, the app on it listening on its own port, its browsers, and the staged states. */

/** A member of the sample committee (Social- og Sundhedsudvalget) with an account in the demo data */
export const MEMBER = 'lolan.ottesen@demo.test';

/**
 * Tables whose writes are not data: the session store (every request), and content_changes, the
 * page cache's note that a statement may have changed public data (written for statements that
 * change no row as well).
 */
export const IGNORED_TABLES = ['session', 'content_changes'];

export type Who = 'visitor' | 'secretary' | 'admin' | 'member';

/** A private copy of the demo data, the app on it listening on its own port, and its signed-in browsers. */
export interface Lane {
  t: TestDb;
  http: Listening;
  counter: ChangeCounter;
  browsers: Record<Who, WebSession>;
  /** Requests that reached the app (a check that the test's server refused none itself) */
  reachedApp: number;
  sample: Record<string, string>;
  /** The states the lane made (test/security/fuzz-stage.ts), with the same ids in every lane */
  stages: Stage[];
}

/**
 * Opens `count` lanes into `lanes`, each there as soon as its database exists, so that afterAll
 * drops it whatever fails next. The copies are made one after the other (a template database
 * cannot be copied twice at once), the rest of the lanes' setting up at the same time.
 */
export async function openLanes(lanes: Lane[], count: number): Promise<void> {
  const databases: TestDb[] = [];
  for (let i = 0; i < count; i++) {
    const t = await cloneDemoDatabase();
    databases.push(t);
    lanes.push({ t } as Lane);
  }
  const start = lanes.length - count;
  await Promise.all(
    databases.map(async (t, i) => {
      lanes[start + i] = await setUpLane(t);
    }),
  );
}

async function setUpLane(t: TestDb): Promise<Lane> {
  const counter = await installChangeCounter(t.db, { ignore: IGNORED_TABLES });
  const app = testApp(t);
  // Templates compile once, as in production.
  app.enable('view cache');
  const lane: Lane = { t, counter, http: undefined as unknown as Listening, browsers: undefined as unknown as Record<Who, WebSession>, reachedApp: 0, sample: await sampleParams(t), stages: [] };
  lane.http = await listen((req, res) => {
    lane.reachedApp++;
    app(req, res);
  });
  t.onDrop(() => lane.http.close());
  lane.browsers = {
    secretary: await loginSession(lane.http, 'sekretaer@demo.test'),
    admin: await loginSession(lane.http, 'admin@demo.test'),
    visitor: await anonymousSession(lane.http),
    // A member of the sample committee: approving minutes and remarking on them is the members' own.
    member: await loginSession(lane.http, MEMBER),
  };
  lane.stages = await stageStates(t.db, lane.browsers, lane.sample);
  return lane;
}

