// Completion indexes of Indexed Jobs, written as upstream's status.completedIndexes: sorted, comma-separated
// single numbers and `first-last` ranges ("1,3-5,7").

/** Parses a completedIndexes string; entries outside [0, completions) and malformed ones are ignored. */
export function parseIndexes (text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>()
  if (text === undefined || text === '') return out
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim())
    if (m === null) continue
    const first = Number(m[1])
    const last = m[2] === undefined ? first : Number(m[2])
    for (let i = first; i <= last && i < completions; i++) out.add(i)
  }
  return out
}

/** Formats indexes as completedIndexes: ascending, consecutive runs collapsed into ranges. */
export function formatIndexes (indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++
    parts.push(i === j ? String(sorted[i]) : `${sorted[i] as number}-${sorted[j] as number}`)
    i = j + 1
  }
  return parts.join(',')
}

/** The label and annotation that carry a pod's completion index (batch.kubernetes.io/job-completion-index). */
export const completionIndexKey = 'batch.kubernetes.io/job-completion-index'

/** A pod's completion index from its annotation (falling back to the label), or undefined when absent/invalid. */
export function podIndex (pod: { metadata?: { annotations?: Readonly<Record<string, string>>, labels?: Readonly<Record<string, string>> } }, completions: number): number | undefined {
  const raw = pod.metadata?.annotations?.[completionIndexKey] ?? pod.metadata?.labels?.[completionIndexKey]
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined
  const n = Number(raw)
  return n < completions ? n : undefined
}
