/** Sentences about templates, the chart theme and diagrams. */
import type { Place } from '../place.js';
import { at, firstLine, sentenceEnd } from './words.js';
import { joinList } from '../../format.js';

export const templateProblem = (file: string, detail: string) =>
  `${file}: the template cannot be used: ${sentenceEnd(firstLine(detail))}`;

export const forbiddenMarkup = (file: string, what: string, tag: string) =>
  `${file}: the report may not hold ${what} (${tag.length > 80 ? `${tag.slice(0, 77)}...` : tag}); a report must stand alone and send its readers nowhere, so scripts, frames, links to stylesheets, files from elsewhere and redirects are refused.`;

export const documentNavigated = () =>
  'The document tried to go to another page while printing, so it was stopped; remove any redirect from the layout.';

export const badThemeFile = (file: string, detail: string) =>
  `${file}: the chart theme cannot be used: ${firstLine(detail)}.`;

export const diagramNotPlaced = (id: string, where: string) =>
  `${where}: diagram "${id}" is referred to but never placed; place it with {{diagram "${id}"}} in a section.`;

export const diagramNeverPlaced = (file: string, id: string) =>
  `Warning: ${file}: diagram "${id}" is never placed in a section, so the report does not show it; place it with {{diagram "${id}"}} or remove it.`;

export const diagramPeriod = (
  file: string,
  diagram: string,
  period: string,
  indicator: string,
  periods: readonly string[],
) =>
  `${file}: diagram "${diagram}" asks for the period "${period}", which indicator "${indicator}" does not have; it has ${periods.map((p) => `"${p}"`).join(', ')}.`;

export const chartUnknownData = (file: string, diagram: string, name: string, known: readonly string[]) =>
  `${file}: the Vega-Lite chart of diagram "${diagram}" asks for data "${name}", which is not an indicator of the report; it has ${known.map((k) => `"${k}"`).join(', ')}.`;

export const chartCannotDraw = (file: string, diagram: string, detail: string) =>
  `${file}: the Vega-Lite chart of diagram "${diagram}" cannot be drawn: ${firstLine(detail)}; check its expressions (calculate, filter) and fields.`;

export const chartInvalid = (place: Place, detail: string) =>
  `${at(place)}: the Vega-Lite chart is not valid: ${sentenceEnd(firstLine(detail))}`;

// A template helper used wrongly: the detail, to which the renderer adds the template and line.

const quoted = (names: readonly string[], conjunction = 'and') =>
  joinList(
    names.map((n) => `"${n}"`),
    conjunction,
  );

export const noSuchIndicator = (id: string, known: readonly string[]) =>
  `there is no indicator "${id}"; the report defines ${quoted(known) || 'none'}`;

export const noSuchPeriod = (indicator: string, which: string, periods: readonly string[]) =>
  `indicator "${indicator}" has no period "${which}"; it has ${quoted(periods)}`;

export const notAComparator = (name: string, series: readonly string[], suggestion?: string) =>
  `"${name}" is not a comparator; ${suggestion ? `did you mean "${suggestion}"? The comparators are` : 'use'} ${quoted(series, 'or')}`;

export const helperNeedsComparator = (helper: string, comparators: readonly string[]) =>
  `${helper} needs with=${quoted(comparators, 'or')}`;

export const verdictOfCouncil = (comparators: readonly string[]) =>
  `verdict compares the council with=${quoted(comparators, 'or')}`;

export const countPart = (part: string) => `count needs "numerator" or "denominator", not "${part}"`;

export const helperNeedsText = (helper: string, value: string) => `${helper} needs a name, not "${value}"`;

export const helperNeedsNumber = (helper: string, value: string) => `${helper} needs a number, not "${value}"`;

export const unknownHelper = (name: string, suggestion: string | undefined) =>
  `"${name}" is not a helper${suggestion ? `; did you mean "${suggestion}"?` : ' (the README lists the helpers)'}`;

export const helperArguments = (helper: string, usage: string, given: number) =>
  `${helper} was given ${given === 0 ? 'nothing' : given === 1 ? '1 argument' : `${given} arguments`}; write it as ${usage}`;

export const helperNotABlock = (helper: string, usage: string) =>
  `${helper} is not a block helper: write it as ${usage}, with no {{#${helper}}} ... {{/${helper}}}`;

export const helperUnknownOption = (
  helper: string,
  option: string,
  options: readonly string[],
  suggestion: string | undefined,
) =>
  `${helper} has no option "${option}"${suggestion ? `; did you mean "${suggestion}"?` : options.length === 0 ? '; it takes none' : `; it takes ${quoted(options, 'or')}`}`;

export const helperSpanWithoutExtreme = (helper: string, option: string) =>
  `${helper}'s ${option}= chooses where to look for the "highest" or "lowest" period, and neither is asked for`;

export const changeBackwards = (from: string, to: string) =>
  `the change runs from "${from}" to "${to}", which is earlier; write the earlier period first`;

export const spanBackwards = (since: string, until: string) =>
  `since="${since}" is after until="${until}"; since= names the first period to look in and until= the last`;

export const noExtreme = (indicator: string, which: string, series: string) =>
  `indicator "${indicator}" has no figure for ${series} to find the ${which} of`;

export const helperFlag = (option: string, value: string) => `${option}= is true or false, not "${value}"`;

export const helperChoice = (option: string, value: string, choices: readonly string[]) =>
  `${option}= is ${quoted(choices, 'or')}, not "${value}"`;

export const helperDecimals = (decimals: string) =>
  `number needs decimals= a whole number from 0 to 6, not "${decimals}"`;

export const helperNeedsDate = (value: string) =>
  `date needs a date written YYYY-MM-DD or a month written YYYY-MM, not "${value}"`;

export const noSuchPartial = (name: string) =>
  `there is no partial "${name}"; a partial is a file partials/${name}.hbs in the templates folder`;

export const noSuchDiagram = (id: string, known: readonly string[]) =>
  `there is no diagram "${id}"; the report defines ${known.map((k) => `"${k}"`).join(', ') || 'none'}`;

export const diagramPlacedTwice = (id: string) =>
  `diagram "${id}" is placed twice; refer to it again with {{diagramRef "${id}"}}`;

export const layoutWithoutRevision = (layout: string) =>
  `Warning: ${layout} does not show the revision note (report.revision); add {{#if revision}}<p class="revision-note">Revised on {{date revision.date}}: {{revision.text}}</p>{{/if}} to its front block, as the built-in layout does.`;
