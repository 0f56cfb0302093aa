/** metav1.MicroTime wire form: `2006-01-02T15:04:05.000000Z` (microseconds, UTC). */
export function formatMicroTime (ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

/** metav1.Time wire form: RFC 3339 with second precision, `2006-01-02T15:04:05Z`. */
export function formatTime (ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Parses either form (or any ISO date) to epoch milliseconds; NaN when unparseable. */
export function parseTime (text: string | undefined | null): number {
  return text === undefined || text === null ? Number.NaN : Date.parse(text)
}
