import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../src/diagnostics/nearest.js';

const REPORT_KEYS = [
  'title',
  'slug',
  'council',
  'committee',
  'meetingDate',
  'wards',
  'portfolioHolder',
  'author',
  'subject',
  'keywords',
  'contactOfficers',
];

describe('nearest', () => {
  describe('editDistance', () => {
    it('is zero for the same word and the length of the other word against an empty one', () => {
      expect(editDistance('committee', 'committee')).toBe(0);
      expect(editDistance('', '')).toBe(0);
      expect(editDistance('', 'wards')).toBe(5);
      expect(editDistance('wards', '')).toBe(5);
    });

    it('counts insertions, deletions and substitutions as one edit each', () => {
      expect(editDistance('comittee', 'committee')).toBe(1); // a letter left out
      expect(editDistance('committee', 'comittee')).toBe(1);
      expect(editDistance('ward', 'wards')).toBe(1);
      expect(editDistance('colour', 'color')).toBe(1);
      expect(editDistance('CPP_start', 'CPP_stort')).toBe(1);
      expect(editDistance('kitten', 'sitting')).toBe(3); // the textbook example: k->s, e->i, +g
      expect(editDistance('flaw', 'lawn')).toBe(2);
    });

    it('counts a swap of two neighbouring letters as one edit, not two', () => {
      expect(editDistance('ab', 'ba')).toBe(1);
      expect(editDistance('CPP_strat', 'CPP_start')).toBe(1);
      expect(editDistance('recieve', 'receive')).toBe(1);
      expect(editDistance('meetingDaet', 'meetingDate')).toBe(1);
      // Two separate swaps are two edits.
      expect(editDistance('abcd', 'badc')).toBe(2);
    });

    it('is case-sensitive (nearest() does the case folding)', () => {
      expect(editDistance('A', 'a')).toBe(1);
      expect(editDistance('cpp_start', 'CPP_start')).toBe(3);
    });

    it('is symmetric', () => {
      const pairs = [
        ['comittee', 'committee'],
        ['kitten', 'sitting'],
        ['CPP_strat', 'CPP_start'],
        ['rereferrals_percent', 'referrals_rate'],
        ['', 'x'],
      ] as const;
      for (const [a, b] of pairs) expect(editDistance(a, b), `${a} / ${b}`).toBe(editDistance(b, a));
    });
  });

  describe('nearest', () => {
    it('finds the key a typo was meant to be', () => {
      expect(nearest('comittee', REPORT_KEYS)).toBe('committee');
      expect(nearest('ward', REPORT_KEYS)).toBe('wards');
      expect(nearest('meetingdate', REPORT_KEYS)).toBe('meetingDate');
      expect(nearest('contactOfficer', REPORT_KEYS)).toBe('contactOfficers');
    });

    it('ignores case when comparing and returns the candidate as it is spelt', () => {
      expect(nearest('cpp_start', ['CPP_start', 'CPP_subsequent'])).toBe('CPP_start');
      expect(nearest('TITLE', REPORT_KEYS)).toBe('title');
    });

    it('returns the closest candidate, not the first close one', () => {
      expect(nearest('CPP_subsequent_percnt', ['CPP_subsequent', 'CPP_subsequent_percent', 'CPP_start'])).toBe(
        'CPP_subsequent_percent',
      );
      expect(nearest('cpp_rat', ['cla_rate', 'cpp_rate'])).toBe('cpp_rate');
    });

    it('returns undefined when nothing is close enough to be a likely typo', () => {
      expect(nearest('colour', ['council'])).toBeUndefined();
      expect(nearest('colour', REPORT_KEYS)).toBeUndefined();
      expect(nearest('population_estimate', ['CPP_start', 'CPP_subsequent', 'CPP_subsequent_percent'])).toBeUndefined();
      expect(nearest('cat', ['dog'])).toBeUndefined();
    });

    it('returns undefined when there are no candidates', () => {
      expect(nearest('walsall', [])).toBeUndefined();
    });

    it('allows about one edit in three letters, and at least two for short words', () => {
      // 9 letters: up to 3 edits.
      expect(nearest('abcdefghi', ['abcdefxyz'])).toBe('abcdefxyz');
      expect(nearest('abcdefghi', ['abcdewxyz'])).toBeUndefined();
      // 3 letters: still 2 edits.
      expect(nearest('cat', ['cut'])).toBe('cut');
      expect(nearest('cat', ['cog'])).toBe('cog');
    });
  });
});
