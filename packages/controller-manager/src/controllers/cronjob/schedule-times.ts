import type { CronJob } from 'kubernetes-types/batch/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import type { CronSchedule } from './cron-schedule.js'

/** Upstream warns when more than this many start times were missed. */
export const tooManyMissed = 100
/** Upstream nextScheduleDelta: requeue a little after the activation to absorb clock skew. */
export const nextScheduleDeltaMs = 100
/** Guards the scan over missed activations against a schedule firing every minute for years. */
const maxScan = 1_000_000

/**
 * The most recent activation at or before `now` that has not been handled (upstream getMostRecentScheduleTime):
 * scanning starts at status.lastScheduleTime, else creation, but no earlier than now - startingDeadlineSeconds.
 * `missed` counts the activations passed over.
 */
export function mostRecentScheduleTime (cj: DeepReadonly<CronJob>, sched: CronSchedule, nowMs: number): { time?: number, missed: number } {
  let earliest = Date.parse(cj.status?.lastScheduleTime ?? cj.metadata?.creationTimestamp ?? '')
  if (!Number.isFinite(earliest)) earliest = nowMs
  const sds = cj.spec?.startingDeadlineSeconds
  if (sds != null && earliest < nowMs - sds * 1000) earliest = nowMs - sds * 1000
  let time: number | undefined
  let missed = 0
  for (let t = sched.next(earliest); t !== undefined && t <= nowMs && missed < maxScan; t = sched.next(t)) {
    time = t
    missed++
  }
  return time === undefined ? { missed: 0 } : { time, missed }
}

/** Milliseconds from `now` until the next activation plus the skew delta (upstream nextScheduleTimeDuration). */
export function nextScheduleDelayMs (cj: DeepReadonly<CronJob>, sched: CronSchedule, nowMs: number): number | undefined {
  const recent = mostRecentScheduleTime(cj, sched, nowMs).time
  const base = recent ?? Math.max(nowMs, Date.parse(cj.status?.lastScheduleTime ?? cj.metadata?.creationTimestamp ?? '') || nowMs)
  const next = sched.next(Math.min(base, nowMs))
  return next === undefined ? undefined : Math.max(0, next + nextScheduleDeltaMs - nowMs)
}

/** Job names carry the scheduled time in minutes since the epoch, which doubles as a lock against duplicates. */
export function jobNameFor (cj: DeepReadonly<CronJob>, scheduledMs: number): string {
  return `${cj.metadata?.name ?? ''}-${Math.floor(scheduledMs / 60_000)}`
}

/** RFC 3339 with the zone's offset, as upstream writes batch.kubernetes.io/cronjob-scheduled-timestamp. */
export function formatInZone (ms: number, zone: string): string {
  const parts: Record<string, string> = {}
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  const offMin = Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000)
  const sign = offMin < 0 ? '-' : '+'
  const abs = Math.abs(offMin)
  const zoneText = offMin === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}T${parts.hour ?? ''}:${parts.minute ?? ''}:${parts.second ?? ''}${zoneText}`
}

/** Go's RFC1123Z, which upstream's MissSchedule event uses: `Mon, 02 Jan 2006 15:04:05 -0700` (in UTC). */
export function formatRfc1123z (ms: number): string {
  const d = new Date(ms)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()] ?? ''}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}
