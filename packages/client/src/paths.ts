import type { ResourceDescriptor } from './resources.js'

/** `/api/v1` for the core group, `/apis/<group>/<version>` otherwise. */
export function groupVersionPrefix (d: Pick<ResourceDescriptor, 'group' | 'version'>): string {
  return d.group === '' ? `/api/${d.version}` : `/apis/${d.group}/${d.version}`
}

/**
 * Builds a resource path as upstream client-go does: `/api/v1/namespaces/ns/pods/name/status`.
 * An empty namespace on a namespaced resource means "all namespaces" (collection paths only).
 */
export function resourcePath (d: ResourceDescriptor, namespace: string, name?: string, subresource?: string): string {
  let p = groupVersionPrefix(d)
  if (d.namespaced && namespace !== '') p += `/namespaces/${seg(namespace)}`
  p += `/${d.resource}`
  if (name !== undefined) {
    if (name === '') throw new Error(`resource name may not be empty (${d.resource})`)
    p += `/${seg(name)}`
  }
  if (subresource !== undefined && subresource !== '') p += `/${subresource.split('/').map(seg).join('/')}`
  return p
}

function seg (s: string): string {
  if (s === '.' || s === '..') throw new Error(`invalid path segment "${s}"`)
  return encodeURIComponent(s)
}

export type QueryValue = string | number | boolean | undefined | null | string[]

/** `?a=1&b=x`; undefined, null and empty-string values are skipped. */
export function queryString (q: Record<string, QueryValue> | undefined): string {
  if (q === undefined) return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue
    if (Array.isArray(v)) for (const item of v) params.append(k, item)
    else params.append(k, String(v))
  }
  const s = params.toString()
  return s === '' ? '' : `?${s}`
}
