/** Upstream's strict decoder stops collecting after this many distinct errors (sigs.k8s.io/json saveStrictError). */
export const maxStrictErrors = 100

/** A key that occurs twice in one JSON object. */
export interface DuplicateField {
  /** Upstream's notation: `metadata.name`, `[0].op`, `spec.containers[1].env`. */
  path: string
  /**
   * Where the repeat sits in document order, comparable with the positions of fields in the parsed value: the
   * key indices (first-occurrence order, as JSON.parse keeps them) and array indices leading to the enclosing
   * object, then the count of distinct keys that object had shown before the repeat, minus a half.
   */
  order: number[]
}

interface Frame {
  /** Distinct keys so far with their first-occurrence index; undefined for arrays. */
  keys: Map<string, number> | undefined
  /** How this container is reached from its parent: `.key` or `[i]` (empty for the root). */
  segment: string
  /** Its position among the parent's keys or items (absent for the root). */
  position: number | undefined
  /** Interned id of its path, so repeats are deduplicated without building path strings; set on first need. */
  pathId: number | undefined
  key: string
  expectKey: boolean
  index: number
}

/** End of the string literal opening at `start` (index of its closing quote); escapes are skipped. */
export function stringEnd (text: string, start: number): number {
  let j = start
  for (;;) {
    j = text.indexOf('"', j + 1)
    if (j < 0) return text.length
    let backslashes = 0
    while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++
    if (backslashes % 2 === 0) return j
  }
}

/**
 * The interned path id of the innermost open container. Ids are set top-down (a container has one only if all
 * enclosing ones do), so the walk starts at the deepest container that has one: repeats in one object cost O(1).
 */
function pathIdOf (stack: Frame[], pathIds: Map<string, number>): number {
  let i = stack.length - 1
  while (i >= 0 && stack[i]?.pathId === undefined) i--
  let parentId = i >= 0 ? stack[i]?.pathId ?? 0 : 0
  for (let j = i + 1; j < stack.length; j++) {
    const f = stack[j] as Frame
    const name = `${parentId}\u0000${f.segment}`
    f.pathId = pathIds.get(name) ?? pathIds.size + 1
    pathIds.set(name, f.pathId)
    parentId = f.pathId
  }
  return parentId
}

function located (stack: Frame[], key: string, before: number): DuplicateField {
  let path = ''
  const order: number[] = []
  for (const f of stack) {
    path += f.segment
    if (f.position !== undefined) order.push(f.position)
  }
  path += `.${key}`
  order.push(before - 0.5)
  return { path: path.startsWith('.') ? path.slice(1) : path, order }
}

/**
 * Lists keys repeated within one object, at any depth, in document order as upstream's strict JSON decoder reports
 * them (`duplicate field "metadata.name"`), deduplicated and capped at {@link maxStrictErrors}. Meant for text that
 * already parsed as JSON: one linear pass over it, with a key set per open object and paths built only on a hit.
 */
export function findJsonDuplicates (text: string): DuplicateField[] {
  const found: DuplicateField[] = []
  const seen = new Set<string>()
  const pathIds = new Map<string, number>()
  const stack: Frame[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      const end = stringEnd(text, i)
      const top = stack[stack.length - 1]
      if (top?.keys !== undefined && top.expectKey) {
        const raw = text.slice(i + 1, end)
        const key = raw.includes('\\') ? JSON.parse(text.slice(i, end + 1)) as string : raw
        if (top.keys.has(key)) {
          const id = `${pathIdOf(stack, pathIds)}\u0000${key}`
          if (!seen.has(id)) {
            seen.add(id)
            found.push(located(stack, key, top.keys.size))
            if (found.length >= maxStrictErrors) return found
          }
        } else {
          top.keys.set(key, top.keys.size)
        }
        top.key = key
        top.expectKey = false
      }
      i = end
    } else if (c === 0x7b || c === 0x5b) {
      const parent = stack[stack.length - 1]
      let segment = ''
      let position: number | undefined
      if (parent !== undefined) {
        segment = parent.keys !== undefined ? `.${parent.key}` : `[${parent.index}]`
        position = parent.keys !== undefined ? parent.keys.get(parent.key) : parent.index
      }
      stack.push({ keys: c === 0x7b ? new Map() : undefined, segment, position, pathId: undefined, key: '', expectKey: true, index: 0 })
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop()
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1]
      if (top === undefined) continue
      if (top.keys !== undefined) top.expectKey = true
      else top.index++
    }
  }
  return found
}
