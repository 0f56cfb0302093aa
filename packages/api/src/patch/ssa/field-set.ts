/**
 * Field paths and sets as structured-merge-diff models them. A path element is kept in its FieldsV1 spelling:
 * `f:<field>`, `k:<json object of key fields>`, `v:<json value>` or `i:<index>`; a path is a list of them.
 */
export type PathElement = string
export type FieldPath = readonly PathElement[]

export const fieldPE = (name: string): PathElement => `f:${name}`
export const valuePE = (v: unknown): PathElement => `v:${JSON.stringify(v)}`
export const indexPE = (i: number): PathElement => `i:${i}`

/** `k:` element with key fields sorted by name, as upstream serializes them. */
export function keyPE (fields: Record<string, unknown>): PathElement {
  const sorted: Record<string, unknown> = {}
  for (const k of Object.keys(fields).sort()) Object.defineProperty(sorted, k, { value: fields[k], enumerable: true })
  return `k:${JSON.stringify(sorted)}`
}

/** Renders a path like upstream's `fieldpath.Path.String()`: `.spec.containers[name="web"].image`. */
export function pathString (path: FieldPath): string {
  return path.map(pe => {
    const body = pe.slice(2)
    switch (pe.slice(0, 2)) {
      case 'f:': return `.${body}`
      case 'v:': return `[=${body}]`
      case 'i:': return `[${body}]`
      default: {
        const fields = JSON.parse(body) as Record<string, unknown>
        return `[${Object.entries(fields).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`
      }
    }
  }).join('')
}

/** The dotted, list-transparent path used to look up patch strategies (`spec.template.spec.containers`). */
export function strategyPath (path: FieldPath): string {
  return path.filter(pe => pe.startsWith('f:')).map(pe => pe.slice(2)).join('.')
}

/** Length-prefixed join: unambiguous for any element text, and much cheaper than JSON.stringify on hot paths. */
const keyOf = (path: FieldPath): string => {
  let key = ''
  for (const pe of path) key += `${pe.length}:${pe}`
  return key
}

/** An immutable-by-convention set of field paths. */
export class FieldSet {
  private readonly items = new Map<string, FieldPath>()

  constructor (paths: Iterable<FieldPath> = []) {
    for (const p of paths) this.insert(p)
  }

  insert (path: FieldPath): void {
    const key = keyOf(path)
    if (!this.items.has(key)) this.items.set(key, [...path])
  }

  has (path: FieldPath): boolean {
    return this.items.has(keyOf(path))
  }

  get size (): number {
    return this.items.size
  }

  isEmpty (): boolean {
    return this.items.size === 0
  }

  paths (): FieldPath[] {
    return [...this.items.values()]
  }

  // set operations reuse the stored keys instead of recomputing them
  union (other: FieldSet): FieldSet {
    const out = this.filtered(() => true)
    for (const [k, p] of other.items) out.items.set(k, p)
    return out
  }

  difference (other: FieldSet): FieldSet {
    return this.filtered(k => !other.items.has(k))
  }

  intersection (other: FieldSet): FieldSet {
    return this.filtered(k => other.items.has(k))
  }

  private filtered (keep: (key: string, path: FieldPath) => boolean): FieldSet {
    const out = new FieldSet()
    for (const [k, p] of this.items) if (keep(k, p)) out.items.set(k, p)
    return out
  }

  /** Drops every path equal to or below one of `prefixes`. */
  withoutPrefixes (prefixes: FieldPath[]): FieldSet {
    if (prefixes.length === 0) return this
    return this.filtered((_k, p) => !prefixes.some(pre => isPrefix(pre, p)))
  }

  /** True when some member lies strictly below `path`. */
  hasDescendant (path: FieldPath): boolean {
    return this.paths().some(p => p.length > path.length && isPrefix(path, p))
  }

  equals (other: FieldSet): boolean {
    return this.size === other.size && this.paths().every(p => other.has(p))
  }
}

export function isPrefix (prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((pe, i) => pe === path[i])
}
