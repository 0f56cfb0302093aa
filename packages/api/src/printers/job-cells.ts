import type { KubeObject } from '../meta/object.js'
import { humanDuration, parseTime } from './age.js'
import { asArr, asInt, asObj } from './format.js'

/** Job COMPLETIONS: `succeeded/completions`, or `/1 of N` when only parallelism was given (table-printers.md §4.5). */
export function jobCompletionsCell (job: KubeObject): string {
  const spec = asObj(job.spec)
  const succeeded = asInt(asObj(job.status).succeeded)
  if (typeof spec.completions === 'number') return `${succeeded}/${spec.completions}`
  const parallelism = asInt(spec.parallelism)
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`
}

/** Whether the first condition of `type` is True (`hasJobCondition`). */
function hasJobCondition (job: KubeObject, type: string): boolean {
  return asArr(asObj(job.status).conditions).map(asObj).find((c) => c.type === type)?.status === 'True'
}

export function jobStatusCell (job: KubeObject): string {
  if (hasJobCondition(job, 'Complete')) return 'Complete'
  if (hasJobCondition(job, 'Failed')) return 'Failed'
  if (job.metadata?.deletionTimestamp !== undefined && job.metadata.deletionTimestamp !== null) return 'Terminating'
  if (hasJobCondition(job, 'Suspended')) return 'Suspended'
  if (hasJobCondition(job, 'FailureTarget')) return 'FailureTarget'
  return 'Running'
}

/** Job DURATION: start to completion, or start to now while running; `""` before it starts. */
export function jobDurationCell (job: KubeObject, now: Date): string {
  const status = asObj(job.status)
  const start = parseTime(status.startTime)
  if (start === undefined) return ''
  const end = parseTime(status.completionTime) ?? now
  return humanDuration(end.getTime() - start.getTime())
}
