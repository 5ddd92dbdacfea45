/**
 * Where a pack's items and its reports' sections start, worked out before the pack is printed (from a
 * print of the pack with its reports left empty, and each report's own print) and read back after.
 * The pages below are counted by hand from the layouts described.
 */
import { describe, expect, it } from 'vitest';
import { pagesInPrint, predictPages, samePages, type CountedItem } from '../../src/pack/pack-pages.js';
import type { RenderedSection } from '../../src/narrative/render-narrative.js';

const section = (id: string, heading: string, numbered = false): RenderedSection => ({
  id,
  heading,
  numbered,
  appendix: false,
  html: '',
  template: `${id}.hbs`,
});
const SECTIONS = [section('summary', 'Executive summary'), section('background', 'Background', true)];

/**
 * Item 1, a text of one page; item 2, a report of five pages with a contents list, its summary on its
 * page 1 and its background on its page 3; item 3, a text of two pages; item 4, a report of three pages.
 */
const ITEMS: CountedItem[] = [
  { number: '1', excluded: false },
  {
    number: '2',
    excluded: false,
    report: {
      print: {
        pages: 5,
        sections: new Map([
          ['summary', 1],
          ['background', 3],
        ]),
      },
      sections: SECTIONS,
      contents: true,
    },
  },
  { number: '3', excluded: false },
  {
    number: '4',
    excluded: false,
    report: { print: { pages: 3, sections: new Map() }, sections: [], contents: false },
  },
];

/** The pack with its reports empty: cover 1, agenda 2, item 1 on 3, item 2 on 4, item 3 on 5-6, item 4 on 7. */
const SKELETON = {
  pages: 7,
  bookmarks: [
    { title: 'Agenda', page: 2 },
    { title: 'Item 1: Apologies', page: 3 },
    { title: 'Item 2: A report', page: 4 },
    { title: 'Item 3: Minutes', page: 5 },
    { title: 'Item 4: Another report', page: 7 },
  ],
};

describe('predictPages', () => {
  it('runs each report to its own print’s length and each text to its length in the skeleton', () => {
    const pages = predictPages(ITEMS, SKELETON)!;
    // Item 2 takes pages 4 to 8; item 3 then takes 9 and 10; item 4 starts on 11.
    expect(Object.fromEntries(pages.items)).toEqual({ '1': 3, '2': 4, '3': 9, '4': 11 });
    // Item 2's summary on its first page (4), its background on its third (6); item 4 has no contents.
    expect(pages.sections.get('2')).toEqual(
      new Map([
        ['summary', 4],
        ['background', 6],
      ]),
    );
    expect(pages.sections.has('4')).toBe(false);
  });

  it('leaves out an item the pack leaves out', () => {
    const items = ITEMS.map((item) => (item.number === '3' ? { ...item, excluded: true } : item));
    const skeleton = { pages: 5, bookmarks: SKELETON.bookmarks.filter((b) => !b.title.startsWith('Item 3')) };
    skeleton.bookmarks = skeleton.bookmarks.map((b) => (b.title.startsWith('Item 4') ? { ...b, page: 5 } : b));
    expect(Object.fromEntries(predictPages(items, skeleton)!.items)).toEqual({ '1': 3, '2': 4, '4': 9 });
  });

  it('does not guess when a report has no print of its own, or an item is missing from the skeleton', () => {
    const unprinted = ITEMS.map((item) =>
      item.report ? { ...item, report: { ...item.report, print: undefined } } : item,
    );
    expect(predictPages(unprinted, SKELETON)).toBeUndefined();
    expect(predictPages(ITEMS, { ...SKELETON, bookmarks: SKELETON.bookmarks.slice(0, 3) })).toBeUndefined();
  });
});

describe('pagesInPrint and samePages', () => {
  /** The pack as printed: item 2's background a page later than predicted (a house style of its own). */
  const PRINTED = [
    { title: 'Item 1: Apologies', page: 3 },
    { title: 'Item 2: A report', page: 4 },
    { title: 'A report', page: 4 },
    { title: 'Executive summary', page: 4 },
    { title: '1. Background', page: 7 },
    { title: 'Item 3: Minutes', page: 10 },
    { title: 'Item 4: Another report', page: 12 },
  ];

  it('reads each item’s start and its report’s sections after it', () => {
    const found = pagesInPrint(ITEMS, PRINTED);
    expect(Object.fromEntries(found.items)).toEqual({ '1': 3, '2': 4, '3': 10, '4': 12 });
    expect(found.sections.get('2')).toEqual(
      new Map([
        ['summary', 4],
        ['background', 7],
      ]),
    );
  });

  it('finds the print unlike the prediction, and like itself', () => {
    const predicted = predictPages(ITEMS, SKELETON)!;
    const found = pagesInPrint(ITEMS, PRINTED);
    expect(samePages(predicted, found)).toBe(false);
    expect(samePages(found, pagesInPrint(ITEMS, PRINTED))).toBe(true);
    const asPredicted = PRINTED.map((b) =>
      b.title === '1. Background'
        ? { ...b, page: 6 }
        : b.title.startsWith('Item 3')
          ? { ...b, page: 9 }
          : b.title.startsWith('Item 4')
            ? { ...b, page: 11 }
            : b,
    );
    expect(samePages(predicted, pagesInPrint(ITEMS, asPredicted))).toBe(true);
  });
});
