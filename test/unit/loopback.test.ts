import net from 'node:net';
import { listenOnLoopback } from '../../src/web/loopback';

describe('listenOnLoopback', () => {
  it('closes while a client holds a connection open that has sent nothing yet (a browser connects ahead)', async () => {
    const server = await listenOnLoopback((_req, res) => res.end('ok'));
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    // Were the connection left to the client, close() would wait for it (Chromium keeps one for minutes): the
    // client gives up after ten seconds here, so that a regression fails instead of hanging.
    let clientGaveUp = false;
    const giveUp = setTimeout(() => {
      clientGaveUp = true;
      socket.destroy();
    }, 10_000);
    await server.close();
    clearTimeout(giveUp);
    expect(clientGaveUp).toBe(false);
    expect(socket.destroyed || (await new Promise<boolean>((resolve) => socket.once('close', () => resolve(true))))).toBe(true);
  }, 30_000);

  it('reads answers whole with their status and type, sends the headers given, takes a redirect as an answer, and closes with its connections kept alive', async () => {
    const body = 'æøå '.repeat(40_000);
    const server = await listenOnLoopback((req, res) => {
      if (req.url?.startsWith('/sager/')) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end(req.url);
        return;
      }
      if (req.url === '/videre') {
        res.writeHead(302, { location: '/side' }).end();
        return;
      }
      if (req.headers['x-moedebog-static'] !== '1') {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    try {
      const headers = { 'x-moedebog-static': '1' };
      const answers = await Promise.all([server.get('/side', headers), server.get('/side', headers), server.get('/videre'), server.get('/side')]);
      expect(answers[0]).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
      expect(answers[0]?.body.equals(Buffer.from(body))).toBe(true);
      expect(answers[1]?.body.toString('utf8')).toBe(body);
      expect(answers[2]?.status).toBe(302);
      expect(answers[3]?.status).toBe(400);
      // As fetch() sent it: a space and letters outside ASCII percent-encoded as UTF-8, the query kept.
      expect((await server.get('/sager/01.02 P20/Ældre&Børn?side=2')).body.toString()).toBe('/sager/01.02%20P20/%C3%86ldre&B%C3%B8rn?side=2');
    } finally {
      await server.close();
    }
  }, 30_000);
});
