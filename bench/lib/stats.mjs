// Small statistics and formatting helpers for the benchmark report.

/** The median of a list of numbers (NaN when empty). */
export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Smallest and largest value. */
export function range(xs) {
  return [Math.min(...xs), Math.max(...xs)];
}

/** Megabytes (10^6 bytes) per second for `bytes` processed in `ms`. */
export function mbps(bytes, ms) {
  return bytes / 1e6 / (ms / 1e3);
}

/** A number with `digits` significant digits, without exponent notation for ordinary sizes. */
export function sig(x, digits = 3) {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const mag = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, digits - 1 - mag);
  return x.toFixed(Math.min(decimals, 6));
}

/** Bytes as KB/MB (decimal units, as the targets are written). */
export function size(bytes) {
  if (!Number.isFinite(bytes)) return '—';
  if (bytes >= 1e6) return `${sig(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${sig(bytes / 1e3)} KB`;
  return `${bytes} B`;
}

/** A markdown table from a header row and body rows. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
