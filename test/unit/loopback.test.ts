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
});
