/** <slug>.indicators.json: every figure behind the report, for checking and reuse (its shape is in the README). */
import type { IndicatorSet } from '../indicators/types.js';
import { TOOL_VERSION } from '../version.js';
import type { OutputFormat } from './types.js';

export function indicatorsJson(set: IndicatorSet): string {
  return `${JSON.stringify({ generator: `scrutiny ${TOOL_VERSION}`, ...set }, null, 2)}\n`;
}

export const indicatorsOutput: OutputFormat = {
  wanted: () => true,
  render: async ({ definition, indicators }) => [
    { name: `${definition.report.slug}.indicators.json`, content: indicatorsJson(indicators) },
  ],
};
