import express from 'express';
import request from 'supertest';
import { isDatabaseUnavailable } from '../../src/db/unavailable';
import { describeWriteError } from '../../src/modules/publishing/write-errors';
import { viewEngine, VIEWS_DIR } from '../../src/view/engine';
import { errorHandler } from '../../src/web/errors';

const errno = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${code}: failed`), { code, ...extra });

describe('isDatabaseUnavailable', () => {
  it('knows a database that is down, restarting or cut off', () => {
    for (const e of [errno('ECONNREFUSED'), errno('57P01'), errno('57P03'), errno('08006'), Object.assign(new Error('x'), { name: 'KnexTimeoutError' }), new Error('Connection terminated unexpectedly')]) {
      expect({ e: String(e), unavailable: isDatabaseUnavailable(e) }).toEqual({ e: String(e), unavailable: true });
    }
    expect(isDatabaseUnavailable(new AggregateError([errno('ECONNREFUSED')], 'connect failed'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: errno('ECONNRESET') }))).toBe(true);
  });

  it('leaves faults of the query or the data alone', () => {
    for (const e of [errno('23505'), errno('42P01'), errno('MB001'), new Error('boom'), null, 'ECONNREFUSED']) expect(isDatabaseUnavailable(e)).toBe(false);
  });
});

describe('the error page when the database is away', () => {
  const app = express();
  const engine = viewEngine();
  app.engine('.hbs', engine.engine);
  app.set('view engine', '.hbs');
  app.set('views', VIEWS_DIR);
  app.get('/down', () => {
    throw errno('ECONNREFUSED');
  });
  app.get('/bug', () => {
    throw new Error('a bug');
  });
  app.use(errorHandler(() => undefined));

  it('is a Danish 503 with Retry-After, not a 500', async () => {
    const res = await request(app).get('/down');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.text).toContain('Siden er midlertidigt utilgængelig');
    expect(res.text).toContain('databasen ikke svarer');
    const json = await request(app).get('/down').set('accept', 'application/json');
    expect(json.body).toEqual({ error: { code: 'unavailable', message: expect.stringContaining('databasen ikke svarer') } });
    expect((await request(app).get('/bug')).status).toBe(500);
  });
});

describe('describeWriteError', () => {
  it('names the cause of a failed write in Danish', () => {
    expect(describeWriteError(errno('ENOSPC', { path: '/srv/site.versions/x/index.html' }))).toBe('Der kunne ikke skrives til disken (/srv/site.versions/x/index.html): der er ikke mere plads på disken [ENOSPC]');
    expect(describeWriteError(errno('EFBIG'))).toContain('filen er større, end systemet tillader');
    expect(describeWriteError(errno('EROFS'))).toContain('skrivebeskyttet');
    expect(describeWriteError(new Error('/x svarede 500'))).toBeNull();
  });
});
