import { SITEMAP_LIMIT, linkedPaths, sitemapFiles } from '../../src/modules/publishing/site-map';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

describe('sitemap.xml', () => {
  it('lists the pages in one file while they fit, in path order, each segment escaped', () => {
    const files = sitemapFiles('https://moeder.ballerup.dk/', ['/udvalg', '/', '/sager/01.02 P20', '/sager/Ældre&Børn', "/dagsorden/a-b_c.d/punkt-1"]);
    expect(files.map((f) => f.file)).toEqual(['sitemap.xml']);
    expect(files[0]?.xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(locs(files[0]?.xml ?? '')).toEqual([
      'https://moeder.ballerup.dk/',
      'https://moeder.ballerup.dk/dagsorden/a-b_c.d/punkt-1',
      'https://moeder.ballerup.dk/sager/01.02%20P20',
      'https://moeder.ballerup.dk/sager/%C3%86ldre%26B%C3%B8rn',
      'https://moeder.ballerup.dk/udvalg',
    ]);
  });

  it('becomes an index of files of at most the limit each when the pages do not fit (the protocol allows 50,000)', () => {
    expect(SITEMAP_LIMIT).toBe(50_000);
    const pages = Array.from({ length: 7 }, (_, i) => `/dagsorden/m-${i}`);
    const files = sitemapFiles('https://moeder.ballerup.dk', pages, 3);
    expect(files.map((f) => f.file)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    const [index, ...parts] = files;
    expect(index?.xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(locs(index?.xml ?? '')).toEqual(['https://moeder.ballerup.dk/sitemap-1.xml', 'https://moeder.ballerup.dk/sitemap-2.xml', 'https://moeder.ballerup.dk/sitemap-3.xml']);
    expect(parts.map((p) => locs(p.xml).length)).toEqual([3, 3, 1]);
    // Every page once, in order, across the parts.
    expect(parts.flatMap((p) => locs(p.xml))).toEqual(pages.map((p) => `https://moeder.ballerup.dk${p}`));
    // Exactly at the limit: still one file.
    expect(sitemapFiles('https://x.dk', pages.slice(0, 3), 3).map((f) => f.file)).toEqual(['sitemap.xml']);
  });
});

describe('the links of a page that the publish follows', () => {
  it('are its root-relative links and sources on the public site, once each, as UTF-8', () => {
    const page = Buffer.from(
      [
        '<a href="/sager/Ældre&amp;Børn?side=2">Ældre</a> <a href="/dagsorden/møde-1#punkt-2">Møde</a>',
        '<img src="/filer/bilag-ø.png"> <a href="/dagsorden/møde-1">igen</a> <a href="//cdn.example.dk/x">cdn</a>',
        '<a href="/assets/app.css">css</a> <a href="/admin">admin</a> <a href="https://andet.dk/">ude</a> <a href="relativ">rel</a>',
        '<link href="/udvalg">',
      ].join('\n'),
      'utf8',
    );
    expect(linkedPaths(page)).toEqual(['/sager/Ældre&Børn', '/dagsorden/møde-1', '/filer/bilag-ø.png', '/udvalg']);
  });
});
