import type { Express } from 'express';
import puppeteer, { type Browser } from 'puppeteer';
import { loadConfig } from '../../src/config';
import { CHROMIUM_ARGS, resolveChromium } from '../../src/pdf/browser';
import { listenOnLoopback } from '../../src/web/loopback';

/** A real Chromium for browser tests, or null (said loudly) when none can be found. */
export async function launchChromium(): Promise<Browser | null> {
  try {
    const chromium = await resolveChromium(loadConfig(process.env).chromiumPath);
    return await puppeteer.launch({
      executablePath: chromium.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      env: chromium.env ? { ...process.env, ...chromium.env } : undefined,
    });
  } catch (error) {
    console.warn(`\n*** NO CHROMIUM: browser tests are SKIPPED (${String(error)}). Install Debian's chromium or set PUPPETEER_EXECUTABLE_PATH. ***\n`);
    return null;
  }
}

/** Serves the app on a loopback port, as a browser needs it. */
export async function serve(app: Express): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = await listenOnLoopback(app);
  return { origin: server.url, close: server.close };
}
