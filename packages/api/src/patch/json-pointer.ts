/** RFC 6901 pointer handling with the leniency of evanphx/json-patch v4, which the apiserver uses. */

/** Splits `/a/b~1c` into `['a', 'b/c']`; undefined when the pointer has no leading slash or is the root. */
export function parsePointer (path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined
  return path.slice(1).split('/').map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Go's strconv.Atoi accepts an optional sign and leading zeros. */
export function parseIndex (key: string): number | undefined {
  if (!/^[+-]?\d{1,15}$/.test(key)) return undefined
  return Number(key)
}
