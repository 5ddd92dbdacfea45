/**
 * <slug>.docx: the Word twin, for committee systems that take Word and officers who edit a draft. It is
 * written from the document model (document/model.ts) with the docx package, in Word's own structure:
 * headings in Heading 1 to 3, tables with a header row that repeats, charts as PNG with their title and
 * description as alt text, the running header and "Page X of Y", A4 with the house style's margins,
 * accent colour and font, language en-GB. Two builds give the same bytes (fixed dates in the package).
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { documentModel, type Block, type Run, type TableBlock } from '../document/model.js';
import { FONT_FAMILY, trueTypeFaces } from '../fonts.js';
import { chartParagraph, logoParagraph } from './docx-images.js';
import { FONT_PLACEHOLDER, Pictures, finished } from './docx-package.js';
import { reportInformation } from '../pdf/metadata.js';
import { logoAlt } from '../document/logo.js';
import type { OutputFormat } from './types.js';

const TWIPS_PER_MM = 1440 / 25.4;

export const docxOutput: OutputFormat = {
  wanted: (definition) => definition.output.docx,
  async render(report, { printer, sourceDate, log }) {
    const { definition, revision, html, fontFaces, logo } = report;
    const name = `${definition.report.slug}.docx`;
    log(`Writing ${name}`);
    const model = documentModel(report);
    const figures = model.blocks.flatMap((block) => (block.kind === 'figure' && block.chart ? [block.chart.svg] : []));
    const pngs = printer && figures.length > 0 ? await (await printer).rasterize(figures, fontFaces) : [];
    const style = houseStyleOf(html);
    const textWidth = mm(210) - style.margins.left - style.margins.right;
    const info = reportInformation(definition, sourceDate, revision);
    const pictures = new Pictures();
    let image = 0;
    let list = 0;
    const body = model.blocks.flatMap((block): Body[] => {
      if (block.kind === 'figure') {
        const png = block.chart ? pngs[image++] : undefined;
        return figure(block, png && { png, id: image }, textWidth, pictures);
      }
      if (block.kind === 'list') list += 1;
      return blockOf(block, list, textWidth, style.accent);
    });
    const alt = logoAlt(definition.report.council);
    const front = logo
      ? await logoParagraph(logo, { id: pngs.length + 1, title: alt, description: alt }, printer, pictures)
      : undefined;
    const faces = await trueTypeFaces();
    const document = new Document({
      // Embedded, so that Word and LibreOffice set the twin in the PDF's font where it is not installed.
      fonts: [{ name: FONT_FAMILY, data: FONT_PLACEHOLDER, bold: FONT_PLACEHOLDER, italic: FONT_PLACEHOLDER }],
      title: info.title,
      subject: info.subject,
      creator: info.author,
      keywords: info.keywords.join(', '),
      description: definition.report.title,
      lastModifiedBy: info.creator,
      styles: stylesOf(style),
      numbering: {
        config: [
          {
            reference: 'numbered-list',
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: '%1.',
                alignment: AlignmentType.START,
                style: { paragraph: { indent: { left: 567, hanging: 397 } } },
              },
            ],
          },
        ],
      },
      sections: [
        {
          properties: {
            page: {
              size: { width: mm(210), height: mm(297) },
              margin: { ...style.margins, header: mm(10), footer: mm(10) },
            },
          },
          headers: { default: new Header({ children: [small(model.runningHeader, style.muted)] }) },
          footers: {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  children: [
                    new TextRun({
                      children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                      size: 18,
                      color: style.muted,
                    }),
                  ],
                }),
              ],
            }),
          },
          children: front ? [front, ...body] : body,
        },
      ],
    });
    return [{ name, content: finished(await Packer.toBuffer(document), info.date, faces, pictures) }];
  },
};

interface HouseStyle {
  readonly accent: string;
  readonly muted: string;
  readonly margins: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

/** The accent and muted colours and the page margins the document's CSS ends with (the council's own last). */
function houseStyleOf(html: string): HouseStyle {
  const last = (pattern: RegExp) => [...html.matchAll(pattern)].at(-1)?.[1];
  const colour = (name: string, fallback: string) =>
    (last(new RegExp(`--${name}:\\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\\b`, 'g')) ?? fallback).replace(
      /^(.)(.)(.)$/,
      '$1$1$2$2$3$3',
    );
  const margin = last(/@page\s*\{[^}]*?\bmargin:\s*([\d.]+mm(?:\s+[\d.]+mm){0,3})/g)
    ?.split(/\s+/)
    .map((v) => mm(parseFloat(v)));
  const [top, right = top, bottom = top, left = right] = margin ?? [mm(22), mm(20), mm(20), mm(22)];
  return {
    accent: colour('accent', '0b5fa5'),
    muted: colour('muted', '505a5f'),
    margins: { top: top!, right: right!, bottom: bottom!, left: left! },
  };
}

function stylesOf(style: HouseStyle) {
  const heading = (size: number, colour: string) => ({
    run: { font: FONT_FAMILY, size, bold: true, color: colour },
    paragraph: { spacing: { before: 240, after: 120, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true },
  });
  return {
    default: {
      document: {
        run: { font: FONT_FAMILY, size: 24, language: { value: 'en-GB' } },
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: heading(36, '0b0c0c'),
      heading1: heading(36, '0b0c0c'),
      heading2: heading(28, style.accent),
      heading3: heading(26, '0b0c0c'),
    },
  };
}

const mm = (millimetres: number) => Math.round(millimetres * TWIPS_PER_MM);
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function runsOf(runs: readonly Run[], size?: number, color?: string): TextRun[] {
  return runs.map(
    (run) =>
      new TextRun({
        text: run.text,
        bold: run.bold,
        italics: run.italic,
        break: run.breakBefore ? 1 : undefined,
        size,
        color,
      }),
  );
}

type Body = Paragraph | Table | TableOfContents;

function blockOf(block: Exclude<Block, { kind: 'figure' }>, list: number, width: number, accent: string): Body[] {
  switch (block.kind) {
    case 'contents':
      // Word's own table of contents of the section headings, linked to them; Word fills in the page numbers
      // when it updates the field (it asks on opening). Its heading is not a heading, so it does not list itself.
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 240, after: 120 },
          children: [new TextRun({ text: block.title, bold: true, size: 28, color: accent })],
        }),
        new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '2-2' }),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[block.level],
          pageBreakBefore: block.newPage,
          children: [new TextRun(block.text)],
        }),
      ];
    case 'paragraph':
      if (block.number !== undefined)
        return [
          new Paragraph({
            indent: { left: 680, hanging: 680 },
            tabStops: [{ type: 'left', position: 680 }],
            children: [new TextRun({ children: [block.number, new Tab()] }), ...runsOf(block.runs)],
          }),
        ];
      return [new Paragraph({ children: runsOf(block.runs, block.small ? 18 : undefined) })];
    case 'list':
      return block.items.map(
        (runs) =>
          new Paragraph({
            ...(block.ordered
              ? { numbering: { reference: 'numbered-list', level: 0, instance: list } }
              : { bullet: { level: 0 } }),
            children: runsOf(runs),
          }),
      );
    case 'table':
      return [tableOf(block, width)];
  }
}

function tableOf(table: TableBlock, width: number): Table {
  const cell = (text: string, head: boolean, right: boolean) =>
    new TableCell({
      ...(head && { shading: { fill: 'f3f2f1' } }),
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { after: 0 },
          children: [new TextRun({ text, bold: head, size: 22 })],
        }),
      ],
    });
  const rows = [
    ...(table.head.length > 0
      ? [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: table.head.map((text, i) => cell(text, true, table.figures && i > 0)),
          }),
        ]
      : []),
    ...table.rows.map(
      (row) =>
        new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i === 0, table.figures && i > 0)) }),
    ),
  ];
  // The row headings' column a third of the width (a quarter beside many periods), the figures' columns
  // sharing the rest: seven periods then fit across without breaking "2019-20".
  const columns = Math.max(table.head.length, ...table.rows.map((row) => row.length));
  const first = columns > 1 ? Math.round(width / (columns > 5 ? 4 : 3)) : width;
  const rest = columns > 1 ? Math.floor((width - first) / (columns - 1)) : 0;
  const columnWidths = [first, ...Array.from({ length: columns - 1 }, () => rest)];
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths, rows });
}

function figure(
  block: Extract<Block, { kind: 'figure' }>,
  drawn: { readonly png: Uint8Array; readonly id: number } | undefined,
  width: number,
  pictures: Pictures,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: block.title, bold: true })] }),
  ];
  if (block.table) out.push(tableOf(block.table, width));
  if (drawn && block.chart)
    out.push(
      chartParagraph(
        drawn.png,
        width,
        { id: drawn.id, title: block.title, description: block.chart.description },
        pictures,
      ),
    );
  for (const note of block.notes) out.push(new Paragraph({ children: runsOf(note, 20) }));
  return out;
}

const small = (text: string, colour: string) =>
  new Paragraph({ children: [new TextRun({ text, size: 18, color: colour })] });
