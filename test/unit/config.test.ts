import path from 'node:path';
import { loadConfig } from '../../src/config';

describe('config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.env).toBe('development');
  });

  it('reads PORT, DATABASE_URL and DATA_DIR', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/moedebog', DATA_DIR: '/srv/moedebog', NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://u:p@db:5432/moedebog', dataDir: '/srv/moedebog', env: 'production' });
  });

  it('refuses invalid values with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'tre tusind' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ SESSION_SECRET: 'kort' })).toThrow(/SESSION_SECRET/);
  });
});
