/**
 * agenda.yaml: a committee meeting and its items in order. Each item is a report (a report definition,
 * rendered in full), a short text (in the YAML, or a Markdown or Handlebars file) or both marked
 * exempt under Schedule 12A of the Local Government Act 1972.
 */
import { z } from 'zod';
import { isoDate, slug } from '../definition/common-schema.js';
import * as message from '../diagnostics/messages.js';

const item = z
  .strictObject({
    number: z
      .union([z.number().int().positive(), z.string().regex(/^\d+[a-z]?$/)])
      .optional()
      .describe('The item number; counted from 1 when left out.'),
    title: z.string().min(1),
    report: z.string().optional().describe('A report definition, relative to the agenda.'),
    text: z.string().optional().describe('Short text in the agenda itself: paragraphs separated by blank lines.'),
    file: z
      .string()
      .optional()
      .describe('A Markdown (.md) or Handlebars (.hbs) file with the item text, relative to the agenda.'),
    exempt: z
      .strictObject({
        paragraph: z
          .number()
          .int()
          .min(1)
          .max(7)
          .describe('The paragraph of Schedule 12A that makes the item confidential.'),
      })
      .optional()
      .describe("Not for publication: left out of the public pack, marked in the members' pack."),
  })
  .refine((i) => [i.report, i.text, i.file].filter((x) => x !== undefined).length === 1, {
    message: message.rule.oneItemKind,
  });

export const agendaSchema = z.strictObject({
  meeting: z.strictObject({
    council: z.string().min(1),
    committee: z.string().min(1),
    date: isoDate,
    time: z.string().regex(/^\d{1,2}:\d{2}$/, message.rule.time),
    venue: z.string().min(1),
    members: z.array(z.string().min(1)).default([]),
    clerk: z.strictObject({ name: z.string().min(1), phone: z.string().optional(), email: z.email().optional() }),
  }),
  items: z.array(item).min(1),
  templates: z
    .string()
    .optional()
    .describe(
      "The council's templates folder for the packs (pack.hbs, pack.css, print.css); any file it lacks comes from the built-in templates.",
    ),
  output: z
    .strictObject({
      folder: z.string().default('output'),
      slug: slug.optional(),
    })
    .default({ folder: 'output' }),
});

export type Agenda = z.output<typeof agendaSchema>;
export type AgendaItem = Agenda['items'][number];
