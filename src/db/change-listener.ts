import pg from 'pg';

export interface ChangeListener {
  /** True while LISTEN is active: only then can a cache trust that it hears of every change */
  readonly connected: boolean;
  close(): Promise<void>;
}

const CHANNEL = 'moedebog_changes';

/**
 * Listens for NOTIFY moedebog_changes, which the tracking triggers send when a
 * transaction that changed public data commits (migration track_content_changes).
 * Calls onChange for every notification, and also when the connection is lost or
 * comes back (changes made meanwhile were not heard). Reconnects by itself, so a
 * restarted PostgreSQL is picked up without restarting the server.
 */
export function listenForChanges(connectionString: string, onChange: () => void, log: (message: string, error?: unknown) => void = () => undefined): ChangeListener {
  let client: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let delay = 250;

  const lost = (error?: unknown) => {
    if (client === null) return;
    const was = client;
    client = null;
    connected = false;
    onChange();
    was.removeAllListeners();
    was.on('error', () => undefined);
    void was.end().catch(() => undefined);
    if (closed) return;
    log('Forbindelsen til databasens ændringsbeskeder blev afbrudt; prøver igen', error);
    retryTimer = setTimeout(connect, delay);
    delay = Math.min(delay * 2, 5_000);
  };

  const connect = () => {
    retryTimer = null;
    if (closed) return;
    const c = new pg.Client({ connectionString, keepAlive: true });
    client = c;
    c.on('notification', () => onChange());
    c.on('error', (error) => lost(error));
    c.on('end', () => lost());
    c.connect()
      .then(() => c.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        connected = true;
        delay = 250;
        // Whatever changed while nobody listened is unknown: start afresh.
        onChange();
      })
      .catch((error: unknown) => lost(error));
  };

  connect();
  return {
    get connected() {
      return connected;
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = null;
      connected = false;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
