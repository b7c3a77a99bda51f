export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `1.23× (1.10–1.40, n=10)`: median with min and max. */
export function ratioCell(ratios, digits = 2) {
  if (ratios.length === 0) return 'n/a';
  const f = (x) => x.toFixed(digits);
  return `${f(median(ratios))}× (${f(Math.min(...ratios))}–${f(Math.max(...ratios))}, n=${ratios.length})`;
}

export function numberCell(values, unit, digits = 0) {
  if (values.length === 0) return 'n/a';
  const f = (x) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${f(median(values))} ${unit} (${f(Math.min(...values))}–${f(Math.max(...values))})`;
}
