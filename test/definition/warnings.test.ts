/** Data dated after its meeting is warned of: one of the two dates is wrong, and the paper would say so. */
import { describe, expect, it } from 'vitest';
import { definitionWarnings } from '../../src/definition/warnings.js';
import { exampleDefinition } from '../support/example.js';

describe('definition warnings', () => {
  it('warns when a local file is as at a date after the meeting, naming both dates and the keys', () => {
    const late = exampleDefinition((yaml) => yaml.replace('asAt: 2016-09-05', 'asAt: 2016-10-12'));
    expect(definitionWarnings(late)).toEqual([
      'Warning: report.config.yaml: data/walsall-local.xlsx is as at 12 October 2016, after the meeting on 11 October 2016; check data.local[0].asAt and report.meetingDate.',
    ]);
  });

  it('says nothing of data as at the meeting day or before it', () => {
    expect(definitionWarnings(exampleDefinition())).toEqual([]);
    const sameDay = exampleDefinition((yaml) => yaml.replace('asAt: 2016-09-05', 'asAt: 2016-10-11'));
    expect(definitionWarnings(sameDay)).toEqual([]);
  });
});
