import { ApiError, errBadRequest } from '@kube-ts/api'

/**
 * What a resource URL names, parsed the way upstream's RequestInfoFactory does, so routing decisions
 * (foo vs foobar, ns1 vs ns10) are exact segment comparisons and never prefix matches.
 */
export interface RequestInfo {
  group: string
  version: string
  /** Set only when the path carried `/namespaces/<ns>/<resource>`. */
  namespace: string
  resource: string
  name: string
  subresource: string
  /** True for the legacy `/watch/` path prefix. */
  legacyWatch: boolean
}

/** Upstream treats these as subresources of a namespace rather than resources inside it. */
const namespaceSubresources = new Set(['status', 'finalize'])

const notFound = (): ApiError => new ApiError(404, 'NotFound', 'the server could not find the requested resource')

/** Splits a raw URL path into decoded segments; an encoded `/` or a dot segment never names anything. */
export function pathSegments (rawPath: string): string[] {
  const trimmed = rawPath.replace(/^\/+/, '').replace(/\/+$/, '')
  if (trimmed === '') return []
  return trimmed.split('/').map((part) => {
    let decoded = part
    // most paths carry no escapes; decoding those would return them unchanged
    if (part.includes('%')) {
      try {
        decoded = decodeURIComponent(part)
      } catch {
        throw errBadRequest(`invalid URL path segment ${JSON.stringify(part)}`)
      }
    }
    if (decoded === '' || decoded === '.' || decoded === '..' || decoded.includes('/')) throw notFound()
    return decoded
  })
}

/**
 * Parses `/api/v1/...` and `/apis/<group>/<version>/...` resource paths. Returns undefined for paths that are not
 * resource paths at all (discovery documents such as `/api/v1` itself); throws 404 for malformed ones.
 */
export function parseResourcePath (rawPath: string): RequestInfo | undefined {
  const parts = pathSegments(rawPath)
  let rest: string[]
  let group: string
  let version: string
  if (parts[0] === 'api' && parts.length >= 2) {
    group = ''
    version = parts[1] as string
    rest = parts.slice(2)
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1] as string
    version = parts[2] as string
    rest = parts.slice(3)
  } else {
    return undefined
  }
  if (rest.length === 0) return undefined
  let legacyWatch = false
  if (rest[0] === 'watch') {
    legacyWatch = true
    rest = rest.slice(1)
    if (rest.length === 0) throw notFound()
  }
  let namespace = ''
  if (rest[0] === 'namespaces' && rest.length > 2 && !namespaceSubresources.has(rest[2] as string)) {
    namespace = rest[1] as string
    rest = rest.slice(2)
  }
  if (rest.length > 3) throw notFound()
  return {
    group,
    version,
    namespace,
    resource: rest[0] as string,
    name: rest[1] ?? '',
    subresource: rest[2] ?? '',
    legacyWatch
  }
}
