/**
 * What the root logger hides. pino's `redact` handles fixed paths; Secret payloads need a look at `kind`, so they
 * go through serializers on the field names the codebase uses for API objects.
 *
 * Redacted paths (value replaced by "[REDACTED]"):
 * - `req.headers.authorization`, `req.headers.cookie`, `headers.authorization` (HTTP request logs)
 * - `token`, `password`, `*.token`, `*.password`, `*.bearerToken` (credentials one level down, e.g. `{ user: { token } }`)
 * Serialized fields (`object`, `obj`, `oldObj`, `newObj`, `secret`): when the value is a Secret (`kind: Secret`)
 * or is logged under `secret`, its `data` and `stringData` become "[REDACTED]".
 */
export const redactPaths: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'token',
  'password',
  '*.token',
  '*.password',
  '*.bearerToken'
]

export const REDACTED = '[REDACTED]'

/** Returns a copy of `value` with Secret payloads masked; anything else is returned unchanged. */
export function redactSecretPayload (value: unknown, force = false): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const obj = value as Record<string, unknown>
  if (!force && obj.kind !== 'Secret') return value
  const copy: Record<string, unknown> = { ...obj }
  if ('data' in copy) copy.data = REDACTED
  if ('stringData' in copy) copy.stringData = REDACTED
  return copy
}

export const objectFieldNames = ['object', 'obj', 'oldObj', 'newObj'] as const

export function secretSerializers (): Record<string, (v: unknown) => unknown> {
  const s: Record<string, (v: unknown) => unknown> = { secret: (v) => redactSecretPayload(v, true) }
  for (const name of objectFieldNames) s[name] = (v) => redactSecretPayload(v)
  return s
}
