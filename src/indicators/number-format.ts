/** Numbers the British way: 1,885 and 17.2, with a fixed number of decimal places. */
const formats = new Map<number, Intl.NumberFormat>();

export function formatNumberText(value: number, decimals = 0): string {
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(decimals, format);
  }
  return format.format(value);
}
