import { describe, expect, it } from 'vitest';
import { firstUnshowable, showable } from '../src/characters.js';

describe('characters no document can show', () => {
  it('finds C0 controls but tab, line feed and carriage return', () => {
    for (let code = 0; code < 0x20; code++) {
      const expected = [0x09, 0x0a, 0x0d].includes(code) ? undefined : code;
      expect(firstUnshowable(`a${String.fromCharCode(code)}b`)).toBe(expected);
    }
  });

  it('finds U+FFFE, U+FFFF and a lone half of a surrogate pair, but not a whole pair or ordinary text', () => {
    expect(firstUnshowable('x\uFFFE')).toBe(0xfffe);
    expect(firstUnshowable('x\uFFFF')).toBe(0xffff);
    expect(firstUnshowable('x\uD800y')).toBe(0xd800);
    expect(firstUnshowable('x\uDC00')).toBe(0xdc00);
    expect(firstUnshowable('😀 £12.5% – Walsall’s “figures”\tand\nmore')).toBeUndefined();
  });

  it('removes every one of them and keeps the rest', () => {
    expect(showable('A\u0001l\u000Bl\uFFFE \uD800😀\n')).toBe('All 😀\n');
  });
});
