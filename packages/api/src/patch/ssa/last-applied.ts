import { deepEqual, isObject, type JsonObject } from '../json-value.js'
import { FieldSet, type FieldPath } from './field-set.js'
import type { SsaSchema } from './ssa-schema.js'
import { getPath, toFieldSet } from './typed-walk.js'

export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration'

/** Upstream drops the annotation rather than exceed the 256 KiB total annotation size. */
const maxAnnotationsBytes = 256 * 1024

function annotationsOf (obj: JsonObject): Record<string, unknown> | undefined {
  const meta = obj.metadata
  return isObject(meta) && isObject(meta.annotations) ? meta.annotations : undefined
}

export function lastAppliedOf (obj: JsonObject): string | undefined {
  const v = annotationsOf(obj)?.[lastAppliedAnnotation]
  return typeof v === 'string' ? v : undefined
}

/**
 * Paths of the last-applied configuration whose value still matches the live object (lastappliedmanager.go): a
 * `kubectl apply --server-side` may take those over from the client-side-apply manager without `--force`.
 */
export function lastAppliedOwnedPaths (schema: SsaSchema, live: JsonObject): FieldSet {
  const text = lastAppliedOf(live)
  if (text === undefined) return new FieldSet()
  let parsed: unknown
  try { parsed = JSON.parse(text) } catch { return new FieldSet() }
  if (!isObject(parsed)) return new FieldSet()
  let set: FieldSet
  try { set = toFieldSet(schema, parsed, false) } catch { return new FieldSet() }
  return new FieldSet(set.paths().filter((p: FieldPath) => deepEqual(getPath(schema, parsed as JsonObject, p), getPath(schema, live, p))))
}

/** Go json.Encoder output: sorted keys, HTML-escaped, trailing newline. */
function goJson (v: unknown): string {
  const sortKeys = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sortKeys)
    if (!isObject(x)) return x
    const out: JsonObject = {}
    for (const k of Object.keys(x).sort()) Object.defineProperty(out, k, { value: sortKeys(x[k]), enumerable: true })
    return out
  }
  return JSON.stringify(sortKeys(v)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') + '\n'
}

/** Rewrites the annotation on `result` from the applied config, if `result` carries one (lastappliedupdater.go). */
export function syncLastApplied (result: JsonObject, applied: JsonObject): void {
  const annotations = annotationsOf(result)
  if (annotations === undefined || lastAppliedOf(result) === undefined) return
  const config = JSON.parse(JSON.stringify(applied)) as JsonObject
  const configAnnotations = annotationsOf(config)
  if (configAnnotations !== undefined) delete configAnnotations[lastAppliedAnnotation]
  annotations[lastAppliedAnnotation] = goJson(config)
  const size = Object.entries(annotations).reduce((n, [k, v]) => n + k.length + String(v).length, 0)
  if (size > maxAnnotationsBytes) delete annotations[lastAppliedAnnotation]
}
