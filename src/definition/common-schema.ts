/** Schema pieces shared by the report definition and the agenda, so both check dates alike. */
import { z } from 'zod';
import { parseIsoDate, parseIsoMonth } from '../dates.js';

/** A real calendar day: 2025-02-30 is refused at its line, not found out at printing. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'must be a date written as YYYY-MM-DD, for example 2016-10-11',
    abort: true,
  })
  .refine((text) => parseIsoDate(text) !== undefined, 'is not a real date');

export const isoMonth = z
  .string()
  .regex(/^\d{4}-\d{2}$/, { message: 'must be a month written as YYYY-MM, for example 2016-06', abort: true })
  .refine((text) => parseIsoMonth(text) !== undefined, 'is not a real month');

/** An output file name: lower-case words joined by hyphens, so it is safe as a file name anywhere. */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
