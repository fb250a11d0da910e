import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';

/** The flags every launch uses: no sandbox (root in a container), no GPU, no traffic of Chromium's own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ResolvedChromium {
  executablePath: string;
  /** Extra environment for the browser process (fonts of the packaged Chromium) */
  env?: Record<string, string>;
  source: 'configured' | 'debian' | 'sparticuz';
}

async function accessible(file: string, mode: number): Promise<boolean> {
  try {
    await fs.access(file, mode);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which Chromium to run: the configured one (PUPPETEER_EXECUTABLE_PATH), Debian's
 * `chromium` package, else the Chromium shipped inside the npm package
 * @sparticuz/chromium (unpacked to the temp folder on first use, with its fonts).
 */
export async function resolveChromium(configured: string | undefined): Promise<ResolvedChromium> {
  if (configured) return { executablePath: configured, source: 'configured' };
  if (await accessible(DEBIAN_CHROMIUM, fs.constants.X_OK)) return { executablePath: DEBIAN_CHROMIUM, source: 'debian' };
  const { default: chromium } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  // It unpacks its fonts (Open Sans) next to the binary with a fonts.conf naming them: use them, so
  // text in headers and footers renders on a machine without any system fonts.
  const fontsConf = path.join(os.tmpdir(), 'fonts', 'fonts.conf');
  const env = (await accessible(fontsConf, fs.constants.R_OK)) ? { FONTCONFIG_FILE: fontsConf } : undefined;
  return { executablePath, env, source: 'sparticuz' };
}

export interface BrowserPoolOptions {
  /** How many pages render at once; further renders wait their turn. */
  size?: number;
  /** PUPPETEER_EXECUTABLE_PATH; by default read from the environment, the variable Puppeteer itself honours. */
  executablePath?: string;
  log?: (message: string, error?: unknown) => void;
  /** Keep a fresh page open for the next render (default true) */
  spare?: boolean;
}

/** One Chromium for the process, started on first use, with a bounded number of pages rendering at once. */
export interface BrowserPool {
  /** Runs work on a fresh page (never used before, closed afterwards), waiting while `size` pages are busy. */
  withPage<T>(work: (page: Page) => Promise<T>): Promise<T>;
  /** Closes the browser; renders still running finish or fail first. Idempotent. */
  close(): Promise<void>;
  /** Whether a browser process is running (for tests and diagnostics) */
  isRunning(): boolean;
}

export function createBrowserPool(options: BrowserPoolOptions = {}): BrowserPool {
  const size = Math.max(1, options.size ?? 2);
  const configured = options.executablePath;
  let browser: Promise<Browser> | undefined;
  let closed = false;
  let busy = 0;
  // A fresh page opened ahead, while the browser is otherwise idle: opening one costs tens of
  // milliseconds that every render would otherwise wait for.
  let spare: Promise<Page | undefined> | undefined;
  const waiting: Array<() => void> = [];
  const running = new Set<Promise<unknown>>();

  const launchOnce = async (): Promise<Browser> => {
    const chromium = await resolveChromium(configured);
    // Puppeteer is loaded with the first browser: requiring it takes about 0.4 s, which every start of the
    // server would otherwise wait for though most never print.
    const { default: puppeteer } = await import('puppeteer');
    return puppeteer.launch({
      executablePath: chromium.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      // DevTools over a pipe rather than a WebSocket: no frame masking, no port; every page's HTML and fonts pass through it.
      pipe: true,
      env: chromium.env ? { ...process.env, ...chromium.env } : undefined,
      // The server handles SIGINT/SIGTERM itself and closes the pool.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  };

  const launch = async (): Promise<Browser> => {
    let b: Browser;
    try {
      b = await launchOnce();
    } catch (error) {
      // Another process may still be unpacking the packaged Chromium: one retry after a pause.
      options.log?.('Chromium kunne ikke starte; prøver igen', error);
      await new Promise((r) => setTimeout(r, 1000));
      b = await launchOnce();
    }
    b.once('disconnected', () => {
      // A crashed browser is started again by the next render; its spare page went with it.
      if (browser && !closed) browser = undefined;
      spare = undefined;
    });
    return b;
  };

  const acquire = async (): Promise<void> => {
    if (busy < size) {
      busy++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };

  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else busy--;
  };

  const browserNow = (): Promise<Browser> => {
    if (!browser) {
      browser = launch();
      browser.catch(() => (browser = undefined));
    }
    return browser;
  };
  /** Opens the next render's page while this one's result is handed over; only while a browser runs (a crashed one starts again with the next render). */
  const prepareSpare = () => {
    if (closed || spare || !browser || options.spare === false) return;
    spare = browser.then((b) => b.newPage()).catch(() => undefined);
  };
  const freshPage = async (): Promise<Page> => {
    const ready = spare;
    spare = undefined;
    const page = ready ? await ready : undefined;
    if (page && !page.isClosed() && page.browser().connected) return page;
    return (await browserNow()).newPage();
  };

  const withPage = async <T>(work: (page: Page) => Promise<T>): Promise<T> => {
    if (closed) throw new Error('The browser pool is closed');
    await acquire();
    const job = (async () => {
      if (closed) throw new Error('The browser pool is closed');
      const page = await freshPage();
      try {
        return await work(page);
      } finally {
        await page.close().catch(() => undefined);
        prepareSpare();
      }
    })();
    running.add(job);
    try {
      return await job;
    } finally {
      running.delete(job);
      release();
    }
  };

  return {
    withPage,
    isRunning: () => browser !== undefined,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...running]);
      const ready = spare;
      spare = undefined;
      await (await ready)?.close().catch(() => undefined);
      const current = browser;
      browser = undefined;
      if (current) await (await current.catch(() => undefined))?.close().catch(() => undefined);
      // Renders still queued learn that the pool is gone.
      for (const next of waiting.splice(0)) next();
    },
  };
}
