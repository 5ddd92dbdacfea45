/** The order bars are drawn and tabled in: by figure, a bar with no figure last, names breaking ties. */
export function inFigureOrder<T extends { readonly name: string; readonly value: number | null }>(
  bars: readonly T[],
  order: 'ascending' | 'descending',
): T[] {
  const byValue = (a: number | null, b: number | null) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : order === 'ascending' ? a - b : b - a;
  return [...bars].sort((a, b) => byValue(a.value, b.value) || a.name.localeCompare(b.name));
}
