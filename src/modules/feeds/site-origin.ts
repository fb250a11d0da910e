import type { Request } from 'express';

export interface SiteOrigin {
  /** "https://moeder.ballerup.dk" — the prefix of every absolute link */
  origin: string;
  /** "moeder.ballerup.dk" — the authority of tag URIs and calendar UIDs (no port) */
  hostname: string;
}

// A host name, IPv4 address or bracketed IPv6 address, with an optional port. Anything else is not echoed into feeds.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Feeds and calendars need absolute links: they are built from the request, so the
 * live site and a static copy rendered through the same app with a Host header both
 * get their own address. (trust proxy is set for loopback, so behind a local proxy
 * the protocol and host are the visitor's.)
 */
export function siteOrigin(req: Request): SiteOrigin {
  // req.host is the Host header, or X-Forwarded-Host when the request came through a trusted (local) proxy.
  const raw = (req.host ?? '').trim().toLowerCase();
  const host = HOST.test(raw) ? raw : 'localhost';
  const protocol = req.protocol === 'https' ? 'https' : 'http';
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return { origin: `${protocol}://${host}`, hostname };
}
