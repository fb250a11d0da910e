import { viewEngine } from '../../src/view/engine';

/** The partials are gathered once while the view cache is on (src/view/engine.ts), and anew for every render while it is off. */
describe('the view engine\'s partials', () => {
  it('are gathered once with the view cache on', async () => {
    const engine = viewEngine();
    const first = await engine.getPartials({ cache: true });
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['budget-table', 'agenda-item', 'site-header']));
    expect(await engine.getPartials({ cache: true })).toBe(first);
  });

  it('are gathered anew for every render with the view cache off (development: an edited partial shows at once)', async () => {
    const engine = viewEngine();
    const cached = await engine.getPartials({ cache: true });
    const a = await engine.getPartials({ cache: false });
    const b = await engine.getPartials({ cache: false });
    expect(a).not.toBe(b);
    expect(a).not.toBe(cached);
    expect(Object.keys(a).sort()).toEqual(Object.keys(cached).sort());
  });
});
