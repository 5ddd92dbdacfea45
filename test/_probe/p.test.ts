import { it } from 'vitest';
import Handlebars from 'handlebars';
import { formatDate, formatNumber, compareOverPhrase } from '../../src/narrative/phrases.js';
import { periodBetween } from '../../src/indicators/periods.js';
import { meanOf, medianOf, roundRatio, toScaled, percentage } from '../../src/indicators/round.js';
import { difference } from '../../src/indicators/compare.js';
it('probe', () => {
  const out: unknown[] = [];
  out.push(formatDate('2016-10-11T10:00:00Z'), formatDate('2016-02-31'), formatDate('2016-6'), formatDate(''));
  out.push(periodBetween('2016-06-01', '2016-06-30'));
  out.push(meanOf([0.05, 0.04], 1), meanOf([1, 1.01], 2), medianOf([2.67, 2.68], 2));
  out.push(roundRatio(-1, 10, 0), Object.is(roundRatio(-1, 10, 0), -0), roundRatio(1, 3, 20));
  out.push(toScaled(-0.05, 1));
  out.push(difference(0, -0.25, 1), difference(0, 0.25, 1));
  out.push(formatNumber(-0, 1), formatNumber(17.25, 1));
  const ind = { unit: 'percent', decimals: 1, polarity: 'low-is-good' } as any;
  out.push(compareOverPhrase(ind, [{ figure: { value: 1 }, other: { value: 2 } }, { figure: { value: null }, other: { value: 2 } }], 'England'));
  out.push(compareOverPhrase(ind, [{ figure: { value: 1 }, other: { value: 2 } }, { figure: { value: 3 }, other: { value: 2 } }, { figure: { value: null }, other: { value: 2 } }], 'England'));
  out.push(compareOverPhrase(ind, [{ figure: { value: 1 }, other: { value: 2 } }], 'England'));
  const hbs = Handlebars.create();
  hbs.registerHelper('h', function (this: unknown, ...args: any[]) { const o = args[args.length - 1]; return JSON.stringify(o.loc); });
  out.push(hbs.compile('a\n\n  {{h "x"}}', { strict: true })({}));
  try { percentage(1.5, 3, 1); } catch (e) { out.push(String(e)); }
  console.log(out);
});
