import { Quantity } from '../quantity/quantity.js'

// Cell formatting helpers shared by several printers; each mirrors one upstream helper named in table-printers.md §2.

type Obj = Record<string, unknown>

export const asObj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Obj : {})
export const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
export const asStr = (v: unknown): string => (typeof v === 'string' ? v : '')
export const asInt = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0)

/** Reads a dotted path (`spec.template.spec`) without throwing on missing levels. */
export function at (obj: unknown, path: string): unknown {
  let cur: unknown = obj
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Obj)[key]
  }
  return cur
}

/** `labels.FormatLabels`: sorted `k=v` pairs (whole-string byte order) joined by `,`; `<none>` when empty. */
export function formatLabels (m: unknown): string {
  const pairs = Object.entries(asObj(m)).map(([k, v]) => `${k}=${asStr(v)}`).sort(byteOrder)
  return pairs.length === 0 ? '<none>' : pairs.join(',')
}

/** `metav1.LabelSelectorAsSelector(sel).String()`: `""` for nil/empty, undefined when the selector is invalid. */
export function labelSelectorString (sel: unknown): string | undefined {
  if (sel === undefined || sel === null) return ''
  const s = asObj(sel)
  const reqs: Array<{ key: string, text: string }> = []
  for (const [k, v] of Object.entries(asObj(s.matchLabels))) reqs.push({ key: k, text: `${k}=${asStr(v)}` })
  for (const e of asArr(s.matchExpressions)) {
    const r = asObj(e)
    const key = asStr(r.key)
    const values = asArr(r.values).map(asStr).sort(byteOrder)
    switch (r.operator) {
      case 'In': if (values.length === 0) return undefined; reqs.push({ key, text: `${key} in (${values.join(',')})` }); break
      case 'NotIn': if (values.length === 0) return undefined; reqs.push({ key, text: `${key} notin (${values.join(',')})` }); break
      case 'Exists': reqs.push({ key, text: key }); break
      case 'DoesNotExist': reqs.push({ key, text: `!${key}` }); break
      default: return undefined
    }
  }
  // upstream sorts requirements by key only (stable), so matchLabels come before expressions on the same key
  return reqs.sort((a, b) => byteOrder(a.key, b.key)).map((r) => r.text).join(',')
}

/** `metav1.FormatLabelSelector`: like labelSelectorString with `<none>` for empty and `<error>` for invalid. */
export function formatLabelSelector (sel: unknown): string {
  const s = labelSelectorString(sel)
  if (s === undefined) return '<error>'
  return s === '' ? '<none>' : s
}

/** `layoutContainerCells`: container names and images, each joined by `,` in spec order. */
export function containerCells (containers: unknown): { names: string, images: string } {
  const list = asArr(containers).map(asObj)
  return { names: list.map((c) => asStr(c.name)).join(','), images: list.map((c) => asStr(c.image)).join(',') }
}

/** `IntOrString.String()`. */
export function intOrString (v: unknown): string {
  if (typeof v === 'number') return String(Math.trunc(v))
  return asStr(v)
}

/** `resource.Quantity.String()`: the canonical form (`1.5Gi` prints `1536Mi`); missing or zero prints `0`. */
export function quantityString (v: unknown): string {
  if (v === undefined || v === null || v === '') return '0'
  try {
    const q = Quantity.from(v)
    return q.isZero() ? '0' : q.canonical()
  } catch {
    // a stored value that is not a quantity is printed as it is rather than failing the whole table
    return asStr(v)
  }
}

/** `printBoolPtr`: a capitalised string, `<unset>` for nil. */
export function boolPtr (v: unknown): string {
  if (v === true) return 'True'
  if (v === false) return 'False'
  return '<unset>'
}

/** `listWithMoreString`. */
export function listWithMore (list: string[], more: boolean, count: number, max: number): string {
  let ret = list.join(',')
  if (more) ret += ` + ${count - max} more...`
  return ret === '' ? '<unset>' : ret
}

export function byteOrder (a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
