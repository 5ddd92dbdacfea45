/** What the build reads back from a printed PDF, and the information it writes into one. */
import type { Bookmark } from './outline.js';

export interface PdfFacts {
  readonly pages: number;
  readonly bookmarks: readonly Bookmark[];
}

export interface PdfMetadata {
  readonly title: string;
  readonly author?: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  /** The tool and its version. */
  readonly creator: string;
  readonly date: Date;
  /** "Revised on 14 November 2025: ...", kept under the information's own Revision key. */
  readonly revision?: string;
}
