import { errBadRequest, type ApiError } from '@kube-ts/api'

/**
 * Continue tokens as upstream encodes them (a public contract clients may inspect):
 * base64url (unpadded) of `{"v":"meta.k8s.io/v1","rv":<int>,"start":"<key relative to the list prefix>"}`.
 * rv -1 marks the "inconsistent" token handed out with a 410: continue at the latest revision.
 */
export const CONTINUE_TOKEN_VERSION = 'meta.k8s.io/v1'

export interface ContinuePosition {
  /** The key to resume from (inclusive), relative to the list prefix. */
  startKey: string
  /** The snapshot revision to keep reading at; -1 means "latest" (after an expired token). */
  revision: number
}

export function encodeContinue (pos: ContinuePosition): string {
  const json = JSON.stringify({ v: CONTINUE_TOKEN_VERSION, rv: pos.revision, start: pos.startKey })
  return Buffer.from(json, 'utf8').toString('base64url')
}

/** Throws 400 BadRequest for anything that is not a token this server could have issued. */
export function decodeContinue (token: string): ContinuePosition {
  // Node's base64url decoder silently skips junk; insist on the strict unpadded alphabet like Go's RawURLEncoding
  if (!/^[A-Za-z0-9_-]*$/.test(token) || token.length % 4 === 1) throw invalid('continue key is not valid: illegal base64 data')
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw invalid('continue key is not valid: the token is not valid JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('continue key is not valid')
  const { v, rv, start } = parsed as { v?: unknown, rv?: unknown, start?: unknown }
  if (v !== CONTINUE_TOKEN_VERSION) throw invalid('continue key is not valid: server does not recognize this encoded version')
  if (typeof rv !== 'number' || !Number.isSafeInteger(rv) || rv === 0 || rv < -1) {
    throw invalid(`continue key is not valid: incorrect encoded start resourceVersion (version ${CONTINUE_TOKEN_VERSION})`)
  }
  if (typeof start !== 'string' || start === '') throw invalid(`continue key is not valid: encoded start key empty (version ${CONTINUE_TOKEN_VERSION})`)
  // path traversal defence: a start key that cleaning would change could climb out of the list prefix
  const rooted = start.startsWith('/') ? start : `/${start}`
  if (cleanPath(rooted) !== rooted) throw invalid(`continue key is not valid: ${start}`)
  return { startKey: rooted.slice(1), revision: rv }
}

function invalid (why: string): ApiError {
  return errBadRequest(`invalid continue token: ${why}`)
}

/** Lexical path cleaning with Go's `path.Clean` rules (no trailing slash, no `.`/`..`/empty elements). */
export function cleanPath (p: string): string {
  const out: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return `/${out.join('/')}`
}
