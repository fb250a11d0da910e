import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves a request handler (an app) on a free port of 127.0.0.1; close() also ends kept-alive connections. */
export async function listenOnLoopback(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
