/** The command line's values checked as commander reads them: each problem one sentence, exit 2. */
import { InvalidArgumentError } from 'commander';
import type { Shard } from './batch/plan.js';

export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('Give a whole number, 1 or more.');
  return value;
}

export function shardArgument(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count)
    throw new InvalidArgumentError(
      'Give the part as k/n, with k from 1 to n: --shard 2/4 builds the second of four parts.',
    );
  return { index, count };
}

export function portNumber(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new InvalidArgumentError('Give a port from 1 to 65535.');
  return value;
}

export function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('Give a number greater than 0.');
  return value;
}
