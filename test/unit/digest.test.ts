import { Digest } from '../../src/lib/digest';

describe('the digest that keys the static OParl folders and list pages', () => {
  const digestOf = (parts: Array<number | string | null>, strings = new Map<string, Int32Array>()) => {
    const d = new Digest(strings);
    for (const part of parts) {
      if (typeof part === 'string') d.string(part);
      else d.number(part);
    }
    return d.hex();
  };

  it('is the same for the same numbers and strings (a string’s words worked out anew or kept), and 16 hex digits', () => {
    const parts = [41234, 'f1e2d3c4b5a69788', null, 2 ** 40 + 7, 'dagsorden'];
    expect(digestOf(parts)).toMatch(/^[0-9a-f]{16}$/);
    expect(digestOf(parts)).toBe(digestOf(parts, new Map()));
  });

  it('tells apart order, none from zero, high bits, a string from its neighbours, and a longer run', () => {
    const seen = new Map<string, string>();
    const add = (label: string, parts: Array<number | string | null>) => {
      const hex = digestOf(parts);
      expect({ label, same: seen.get(hex) }).toEqual({ label, same: undefined });
      seen.set(hex, label);
    };
    add('1,2', [1, 2]);
    add('2,1', [2, 1]);
    add('null', [null, 2]);
    add('0', [0, 2]);
    add('2^32+1', [2 ** 32 + 1, 2]);
    add('a', ['a', 2]);
    add('b', ['b', 2]);
    add('1,2,0', [1, 2, 0]);
    // Numbers at the edges of the high word's short cuts.
    for (const n of [2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1, -2, -(2 ** 31), -(2 ** 32)]) add(String(n), [n, 2]);
    add('empty', []);
  });

  it('gives 100,000 different small runs 100,000 different keys', () => {
    // Runs like a shelf's members: an id and a stamp, next to each other.
    const stamps = Array.from({ length: 50 }, (_, i) => `stamp-${i}`);
    const strings = new Map<string, Int32Array>();
    const keys = new Set<string>();
    for (let id = 0; id < 2000; id++) {
      for (const stamp of stamps) keys.add(digestOf([id, stamp], strings));
    }
    expect(keys.size).toBe(100_000);
  });
});
