/**
 * How an indicator reads the council's own sheet: its period columns, and counts, a figure as
 * published, England's and the region's figures beside it, or one row per district or team.
 */
import { z } from 'zod';
import * as message from '../diagnostics/messages.js';

/** A figure from the council's own workbook, added to the council's series after the national years. */
export const localFigures = z
  .strictObject({
    source: z.string().describe('The id of a local data source.'),
    from: z.string().describe('The column holding the first day of each period.'),
    to: z.string().describe('The column holding the last day of each period.'),
    numerator: z.string().optional().describe('The column holding the count, or the numerator count.'),
    denominator: z.string().optional().describe('The column holding the denominator count (not needed for a count).'),
    value: z
      .string()
      .optional()
      .describe(
        'Instead of counts: the column holding the figure as published (a rate or percentage), never recomputed.',
      ),
    england: z.string().optional().describe("The column holding England's published figure, where DfE publishes none."),
    region: z
      .string()
      .optional()
      .describe("The column holding the region's published figure, where DfE publishes none."),
    area: z
      .string()
      .optional()
      .describe(
        "The column naming a district or team: one row per area and period; the council's figure is the sum of their counts.",
      ),
    aggregate: z
      .enum(['fytd', 'rolling12'])
      .optional()
      .describe(
        'The rows are calendar months: report each financial year to date (fytd) or each rolling 12 months instead.',
      ),
    measure: z
      .enum(['flow', 'snapshot'])
      .default('flow')
      .describe('flow: events in the period, which can be added up; snapshot: children on a date, which cannot.'),
  })
  .refine((local) => !(local.aggregate && local.measure === 'snapshot'), {
    message: message.rule.snapshotNotSummed,
    path: ['measure'],
  })
  .refine((local) => (local.numerator === undefined) !== (local.value === undefined), {
    message: message.rule.numeratorOrValue,
  })
  .refine((local) => local.area === undefined || (local.value === undefined && !local.aggregate), {
    message: message.rule.areaCounts,
    path: ['area'],
  })
  .refine((local) => local.value === undefined || (local.denominator === undefined && !local.aggregate), {
    message: message.rule.valueAlone,
    path: ['value'],
  });
