/** Schema pieces shared by the report definition and the agenda, so both check dates alike. */
import { z } from 'zod';
import { parseIsoDate, parseIsoMonth } from '../dates.js';
import * as message from '../diagnostics/messages.js';

/** A real calendar day: 2025-02-30 is refused at its line, not found out at printing. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    message: message.rule.date,
    abort: true,
  })
  .refine((text) => parseIsoDate(text) !== undefined, message.rule.realDate);

export const isoMonth = z
  .string()
  .regex(/^\d{4}-\d{2}$/, { message: message.rule.month, abort: true })
  .refine((text) => parseIsoMonth(text) !== undefined, message.rule.realMonth);

/** An output file name: lower-case words joined by hyphens, so it is safe as a file name anywhere. */
export const slug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, message.rule.slug);
