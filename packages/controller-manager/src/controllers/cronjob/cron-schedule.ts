// Standard five-field cron schedules (minute hour day-of-month month day-of-week) evaluated in an IANA time zone,
// with the same accepted syntax as upstream's robfig/cron standard parser: lists, ranges, steps, `*` and `?`,
// month and weekday names, 7 as Sunday, and the @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly
// descriptors. Time-zone arithmetic uses Intl, so no tz database dependency is needed.

/** A parsed schedule: `next(t)` is the first activation strictly after instant `t` (ms since the epoch). */
export interface CronSchedule {
  next: (afterMs: number) => number | undefined
}

/** Thrown for an unparseable schedule or unknown time zone; the message is what the controller's event reports. */
export class CronParseError extends Error {
  override name = 'CronParseError'
}

interface Field { min: number, max: number, names?: readonly string[] }
const minuteF: Field = { min: 0, max: 59 }
const hourF: Field = { min: 0, max: 23 }
const domF: Field = { min: 1, max: 31 }
const monthF: Field = { min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] }
const dowF: Field = { min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] }

const descriptors: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *'
}

function value (text: string, f: Field): number {
  const named = f.names?.indexOf(text.toLowerCase()) ?? -1
  if (named >= 0) return named + (f === monthF ? 1 : 0)
  if (!/^\d+$/.test(text)) throw new CronParseError(`failed to parse int from ${text}`)
  return Number(text)
}

/** One comma-separated field into the set of values it allows; `star` says whether it was `*` or `?`. */
function parseField (text: string, f: Field): { values: Set<number>, star: boolean } {
  const values = new Set<number>()
  let star = false
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/')
    if (range === undefined || extra !== undefined) throw new CronParseError(`too many slashes: ${part}`)
    let lo: number
    let hi: number
    if (range === '*' || range === '?') {
      lo = f.min; hi = f === dowF ? 6 : f.max
      if (stepText === undefined) star = true
    } else {
      const [a, b, more] = range.split('-')
      if (a === undefined || more !== undefined) throw new CronParseError(`too many hyphens: ${range}`)
      lo = value(a, f)
      hi = b === undefined ? (stepText === undefined ? lo : f.max) : value(b, f)
    }
    const step = stepText === undefined ? 1 : value(stepText, { min: 1, max: Infinity })
    if (step === 0) throw new CronParseError(`step of range should be a positive number: ${part}`)
    if (lo < f.min) throw new CronParseError(`beginning of range (${lo}) below minimum (${f.min}): ${part}`)
    if (hi > f.max) throw new CronParseError(`end of range (${hi}) above maximum (${f.max}): ${part}`)
    if (lo > hi) throw new CronParseError(`beginning of range (${lo}) beyond end of range (${hi}): ${part}`)
    for (let v = lo; v <= hi; v += step) values.add(f === dowF && v === 7 ? 0 : v)
  }
  return { values, star }
}

/** Wall-clock fields of an instant in a zone. */
interface Wall { year: number, month: number, day: number, hour: number, minute: number, dow: number }

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter (zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' })
    } catch {
      throw new CronParseError(`unknown time zone ${zone}`)
    }
    formatters.set(zone, f)
  }
  return f
}

/** Throws CronParseError unless `zone` is a time zone Intl knows (upstream: time.LoadLocation). */
export function checkTimeZone (zone: string): void {
  formatter(zone)
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
function wall (ms: number, zone: string): Wall {
  const parts: Record<string, string> = {}
  for (const p of formatter(zone).formatToParts(new Date(ms))) parts[p.type] = p.value
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), dow: weekdays.indexOf(parts.weekday ?? '') }
}

/** The zone's offset from UTC at an instant, in ms (local = utc + offset). */
function offsetAt (ms: number, zone: string): number {
  const w = wall(ms, zone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute)
  return asUtc - Math.floor(ms / 60_000) * 60_000
}

/** The instant a wall-clock time (fields may overflow, as Date.UTC allows) denotes in a zone. */
function instantOf (zone: string, year: number, month: number, day: number, hour: number, minute: number): number {
  const local = Date.UTC(year, month - 1, day, hour, minute)
  const guess = local - offsetAt(local, zone)
  return local - offsetAt(guess, zone)
}

/** Parses a schedule evaluated in `timeZone` (default UTC, upstream's default when spec.timeZone is unset). */
export function parseCronSchedule (spec: string, timeZone = 'UTC'): CronSchedule {
  checkTimeZone(timeZone)
  let text = spec.trim()
  if (/^(CRON_)?TZ=/.test(text)) throw new CronParseError('CRON_TZ or TZ used in schedule is not supported, please use timeZone instead')
  if (text.startsWith('@')) {
    const d = descriptors[text.toLowerCase()]
    if (d === undefined) throw new CronParseError(`unrecognized descriptor: ${text}`)
    text = d
  }
  const fields = text.split(/\s+/)
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: ${text}`)
  const [mi, h, dom, mo, dow] = fields as [string, string, string, string, string]
  const minutes = parseField(mi, minuteF).values
  const hours = parseField(h, hourF).values
  const days = parseField(dom, domF)
  const months = parseField(mo, monthF).values
  const weekdaysSet = parseField(dow, dowF)
  // as cron (and robfig): when both day fields are restricted, either may match; otherwise both must
  const dayMatches = (w: Wall): boolean => (days.star || weekdaysSet.star)
    ? days.values.has(w.day) && weekdaysSet.values.has(w.dow)
    : days.values.has(w.day) || weekdaysSet.values.has(w.dow)
  return {
    next: (afterMs) => {
      let t = Math.floor(afterMs / 60_000) * 60_000 + 60_000
      // five years of search covers every satisfiable schedule (Feb 29 included)
      const limit = afterMs + 5 * 366 * 86_400_000
      while (t <= limit) {
        const w = wall(t, timeZone)
        let n: number
        if (!months.has(w.month)) n = instantOf(timeZone, w.year, w.month + 1, 1, 0, 0)
        else if (!dayMatches(w)) n = instantOf(timeZone, w.year, w.month, w.day + 1, 0, 0)
        else if (!hours.has(w.hour)) n = instantOf(timeZone, w.year, w.month, w.day, w.hour + 1, 0)
        else if (!minutes.has(w.minute)) n = t + 60_000
        else return t
        // a DST change can map the next wall time to an earlier instant; always move forward
        t = n > t ? n : t + 60_000
      }
      return undefined
    }
  }
}
