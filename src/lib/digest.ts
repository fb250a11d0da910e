import crypto from 'node:crypto';

/**
 * A running 64-bit digest of numbers: two lanes of 32-bit multiply-rotate mixing (MurmurHash3's, and a second with
 * other constants on a differently scrambled word), each finished with MurmurHash3's fmix. It keys what a folder or
 * a list page is made from, over a hundred thousand objects, without building a string per object. A string (a
 * stamp, a location's key) counts as the four 32-bit words of its MD5, worked out once per distinct string and
 * kept in `strings` (one map per use: oparl/static-plan.ts makes one per plan).
 */
export class Digest {
  private a = 0x3c6ef372;
  private b = 0x5be0cd19;
  private words = 0;

  constructor(private readonly strings: Map<string, Int32Array>) {}

  /** A whole number up to 2^53 (as two 32-bit words), or -1 for none */
  number(value: number | null | undefined): this {
    const n = value ?? -1;
    this.word(n | 0);
    // The high word: none for an id (nearly every number given), all ones for none (-1), else worked out.
    this.word(n >= 0 && n < 0x100000000 ? 0 : n === -1 ? -1 : Math.floor(n / 0x100000000) | 0);
    return this;
  }

  string(value: string | null | undefined): this {
    if (value === null || value === undefined) return this.number(-1);
    let words = this.strings.get(value);
    if (!words) {
      const md5 = crypto.createHash('md5').update(value).digest();
      words = new Int32Array(md5.buffer.slice(md5.byteOffset, md5.byteOffset + 16));
      this.strings.set(value, words);
    }
    this.word(words[0] as number);
    this.word(words[1] as number);
    this.word(words[2] as number);
    this.word(words[3] as number);
    return this;
  }

  hex(): string {
    const fmix = (h: number) => {
      h ^= this.words;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
    };
    return `${fmix(this.a)}${fmix(this.b)}`;
  }

  private word(value: number): void {
    const k1 = Math.imul(rotl(Math.imul(value, 0xcc9e2d51), 15), 0x1b873593);
    this.a = (Math.imul(rotl(this.a ^ k1, 13), 5) + 0xe6546b64) | 0;
    const k2 = Math.imul(rotl(Math.imul(value ^ 0x9e3779b9, 0x85ebca77), 11), 0xc2b2ae3d);
    this.b = (Math.imul(rotl(this.b ^ k2, 17), 9) + 0x27d4eb2f) | 0;
    this.words++;
  }
}

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

