import { stripPrototypeKeys } from './safe-json.js'
import { stringEnd } from './json-duplicates.js'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

interface Open {
  container: Json[] | Record<string, Json>
  /** Items decoded so far (arrays); an array reused from an earlier occurrence is cut to this at its end. */
  count: number
  key: string
}

function isObject (v: unknown): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/**
 * Decodes JSON text that repeats keys the way Go's decoder fills typed structs: a repeated key whose earlier
 * value was an object is decoded into that object (fields merge), an array into the earlier array item by item
 * (then cut to the new length), and anything else is replaced. Only used for bodies known to repeat keys, after
 * JSON.parse accepted the text; iterative, so it takes the same 10,000 levels JSON.parse does.
 */
export function parseJsonMergingRepeats (text: string): unknown {
  const stack: Open[] = []
  let root: Json = null
  let expectKey = false
  /** Stores a finished scalar (or a freshly opened container) at the current position; returns what is there. */
  const place = (value: Json): Json => {
    const top = stack[stack.length - 1]
    if (top === undefined) {
      root = value
      return value
    }
    if (Array.isArray(top.container)) {
      const i = top.count++
      const existing = top.container[i]
      const reused = reuse(existing, value)
      top.container[i] = reused
      return reused
    }
    // only an own earlier value counts: `__proto__` must never reach Object.prototype
    const reused = reuse(Object.hasOwn(top.container, top.key) ? top.container[top.key] : undefined, value)
    // a `__proto__` key must stay a plain (later stripped) key, never set the prototype
    if (top.key === '__proto__') Object.defineProperty(top.container, top.key, { value: reused, enumerable: true, writable: true, configurable: true })
    else top.container[top.key] = reused
    return reused
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === ':') continue
    if (c === ',') {
      if (stack.length > 0 && !Array.isArray(stack[stack.length - 1]?.container)) expectKey = true
      continue
    }
    if (c === '{' || c === '[') {
      const container = place(c === '{' ? {} : []) as Open['container']
      stack.push({ container, count: 0, key: '' })
      expectKey = c === '{'
      continue
    }
    if (c === '}' || c === ']') {
      const done = stack.pop()
      if (done !== undefined && Array.isArray(done.container)) done.container.length = done.count
      expectKey = false
      continue
    }
    if (c === '"') {
      const end = stringEnd(text, i)
      const raw = text.slice(i + 1, end)
      const s = raw.includes('\\') ? JSON.parse(text.slice(i, end + 1)) as string : raw
      i = end
      const top = stack[stack.length - 1]
      if (expectKey && top !== undefined) {
        top.key = s
        expectKey = false
      } else {
        place(s)
      }
      continue
    }
    if (text.startsWith('true', i)) { place(true); i += 3; continue }
    if (text.startsWith('false', i)) { place(false); i += 4; continue }
    if (text.startsWith('null', i)) { place(null); i += 3; continue }
    numberPattern.lastIndex = i
    const m = numberPattern.exec(text)
    if (m === null) throw new SyntaxError(`unexpected character at ${i}`)
    place(Number(m[0]))
    i += m[0].length - 1
  }
  stripPrototypeKeys(root)
  return root
}

/** A new object or array goes into the earlier one of the same shape; scalars and other shapes replace it. */
function reuse (existing: Json | undefined, value: Json): Json {
  if (isObject(value) && Object.keys(value).length === 0 && isObject(existing)) return existing
  if (Array.isArray(value) && value.length === 0 && Array.isArray(existing)) return existing
  return value
}
