import type { KubeObject } from '../meta/object.js'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/**
 * Human-readable duration, following upstream `duration.HumanDuration` rule by rule (truncating arithmetic):
 * precise at small scales, coarser as durations grow (`45s`, `5m12s`, `3h4m`, `2d3h`, `90d`, `3y45d`).
 */
export function humanDuration (ms: number): string {
  const s = Math.trunc(ms / SECOND)
  if (s < -1) return '<invalid>'
  if (s < 0) return '0s'
  if (s < 120) return `${s}s`
  const m = Math.trunc(ms / MINUTE)
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`
  if (m < 180) return `${m}m`
  const h = Math.trunc(ms / HOUR)
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`
  if (h < 48) return `${h}h`
  if (h < 192) return h % 24 === 0 ? `${Math.trunc(h / 24)}d` : `${Math.trunc(h / 24)}d${h % 24}h`
  if (h < 24 * 730) return `${Math.trunc(h / 24)}d`
  const y = Math.trunc(h / 24 / 365)
  if (h < 24 * 365 * 8) {
    const d = Math.trunc(h / 24) % 365
    return d === 0 ? `${y}y` : `${y}y${d}d`
  }
  return `${y}y`
}

/** Parses an RFC3339 timestamp; undefined for a missing, empty or unparsable value (Go's zero time). */
export function parseTime (t: unknown): Date | undefined {
  if (t instanceof Date) return Number.isNaN(t.getTime()) ? undefined : t
  if (typeof t !== 'string' || t === '') return undefined
  const d = new Date(t)
  return Number.isNaN(d.getTime()) ? undefined : d
}

/** `translateTimestampSince`: `<unknown>` for a zero time, else the human age at `now`. */
export function timestampSince (t: unknown, now: Date): string {
  const d = parseTime(t)
  return d === undefined ? '<unknown>' : humanDuration(now.getTime() - d.getTime())
}

/** The AGE cell of every built-in printer. */
export function ageCell (obj: KubeObject, now: Date): string {
  return timestampSince(obj.metadata?.creationTimestamp, now)
}

/** The `Created At` cell of the default table convertor: RFC3339 in UTC, Go's zero time when unset. */
export function createdAtCell (obj: KubeObject): string {
  const d = parseTime(obj.metadata?.creationTimestamp)
  return d === undefined ? '0001-01-01T00:00:00Z' : d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
