/**
 * A pack's HTML: the cover, the agenda with each item's page, and the items. A report's item is laid
 * out as the report's own document is (front block, contents, sections, sources line), so that it runs
 * to the same pages as the report's own print and the agenda's numbers can be known before printing
 * (pack-pages.ts): its "Item N: ..." heading takes the place of the committee line (pack.css).
 */
import Handlebars from 'handlebars';
import { layoutHandlebars, headingText, numberSections, type NumberedSection } from '../document/assemble.js';
import { withContentPolicy } from '../document/html-policy.js';
import { logoAlt } from '../document/logo.js';
import { meetingLine } from '../definition/normalize.js';
import type { BuildResult } from '../pipeline.js';
import { TOOL_VERSION } from '../version.js';
import type { PackPages } from './pack-pages.js';
import type { Agenda } from './schema.js';

export interface PackItem {
  readonly number: string;
  readonly title: string;
  readonly exempt?: { readonly paragraph: number };
  readonly report?: BuildResult;
  readonly html?: string;
}

export interface PackParts {
  readonly layout: string;
  readonly css: string;
  readonly fontFaces: string;
}

/**
 * What the pages are: known, "placeholder" ("00", as wide as the real numbers, so that the passes lay
 * out alike), or "skeleton": every report left empty, to count the other items' pages.
 */
export type PagesToShow = PackPages | 'placeholder' | 'skeleton';

export function layoutPack(
  agenda: Agenda,
  items: readonly PackItem[],
  parts: PackParts,
  isPublic: boolean,
  pages: PagesToShow,
): string {
  const known = typeof pages === 'string' ? undefined : pages;
  const context = {
    title: packTitle(agenda, isPublic),
    meeting: { ...agenda.meeting, clerk: { phone: null, email: null, ...agenda.meeting.clerk } },
    public: isPublic,
    runningHeader: meetingLine(agenda.meeting.committee, agenda.meeting.date),
    items: items.map((item) => {
      const report = pages === 'skeleton' ? undefined : item.report;
      const sections = report ? prefixed(numberSections(report.sections), item.number) : [];
      const sectionPages = known?.sections.get(item.number);
      return {
        number: item.number,
        title: item.title,
        exempt: item.exempt ?? null,
        included: !isPublic || !item.exempt,
        header: `Item ${item.number}: ${item.title}`,
        page: known ? (known.items.get(item.number) ?? '') : '00',
        report: report
          ? { ...report.definition.report, portfolioHolder: report.definition.report.portfolioHolder ?? null }
          : null,
        revision: report?.revision ?? null,
        logo: report?.logo ? { src: report.logo, alt: logoAlt(report.definition.report.council) } : null,
        contents:
          report?.definition.output.contents === true
            ? sections.map((section) => ({
                id: section.id,
                title: headingText(section),
                page: known ? (sectionPages?.get(section.ownId) ?? '') : '00',
              }))
            : null,
        sections,
        provenance: report?.provenance ?? null,
        html: item.html ?? '',
      };
    }),
    css: new Handlebars.SafeString(parts.css),
    fontFaces: new Handlebars.SafeString(parts.fontFaces),
    tool: `scrutiny ${TOOL_VERSION}`,
  };
  // The layout is the tool's; the reports' sections were checked with their own documents, and item
  // texts as they were made. The twin carries the content policy first, as a report's does.
  return withContentPolicy(layoutHandlebars().compile(parts.layout, { strict: true })(context));
}

/** A report's sections as the pack lays them out: ids made unique across the pack. */
function prefixed(sections: readonly NumberedSection[], item: string) {
  return sections.map((section) => ({
    id: `item-${item}-${section.id}`,
    ownId: section.id,
    heading: section.heading,
    html: section.html,
    number: section.number ?? null,
    letter: section.letter ?? null,
  }));
}

export function packTitle(agenda: Agenda, isPublic: boolean): string {
  return `${meetingLine(agenda.meeting.committee, agenda.meeting.date)}: ${isPublic ? 'agenda reports pack' : "members' pack (not for publication)"}`;
}
