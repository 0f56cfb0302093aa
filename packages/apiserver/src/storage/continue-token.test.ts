import { cleanPath, decodeContinue, encodeContinue } from './continue-token.js'

const raw = (obj: unknown): string => Buffer.from(JSON.stringify(obj)).toString('base64url')

describe('continue tokens', () => {
  it('encodes the upstream wire format', () => {
    const token = encodeContinue({ startKey: 'web\u0000', revision: 42 })
    expect(JSON.parse(Buffer.from(token, 'base64url').toString())).toEqual({ v: 'meta.k8s.io/v1', rv: 42, start: 'web\u0000' })
    expect(token).not.toContain('=')
  })

  const roundTrips = [
    { name: 'round-trips a simple start key', startKey: 'web\u0000', revision: 7 },
    { name: 'round-trips a namespaced start key of a cluster-wide list', startKey: 'default/web-1\u0000', revision: 99 },
    { name: 'round-trips the inconsistent-continue revision -1', startKey: 'b', revision: -1 }
  ]
  it.each(roundTrips)('$name', ({ startKey, revision }) => {
    expect(decodeContinue(encodeContinue({ startKey, revision }))).toEqual({ startKey, revision })
  })

  it('decodes a token whose start key has a leading slash to the relative key', () => {
    expect(decodeContinue(raw({ v: 'meta.k8s.io/v1', rv: 3, start: '/abc' }))).toEqual({ startKey: 'abc', revision: 3 })
  })

  const rejected = [
    { name: 'rejects characters outside the base64url alphabet', token: 'abc$def', message: 'illegal base64' },
    { name: 'rejects padded base64', token: `${raw({ v: 'meta.k8s.io/v1', rv: 1, start: 'a' })}==`, message: 'illegal base64' },
    { name: 'rejects non-JSON content', token: Buffer.from('not json').toString('base64url'), message: 'not valid JSON' },
    { name: 'rejects a JSON array', token: raw([1, 2]), message: 'continue key is not valid' },
    { name: 'rejects an unknown version', token: raw({ v: 'meta.k8s.io/v2', rv: 1, start: 'a' }), message: 'does not recognize this encoded version' },
    { name: 'rejects revision zero', token: raw({ v: 'meta.k8s.io/v1', rv: 0, start: 'a' }), message: 'incorrect encoded start resourceVersion' },
    { name: 'rejects a non-integer revision', token: raw({ v: 'meta.k8s.io/v1', rv: '5', start: 'a' }), message: 'incorrect encoded start resourceVersion' },
    { name: 'rejects a revision below -1', token: raw({ v: 'meta.k8s.io/v1', rv: -2, start: 'a' }), message: 'incorrect encoded start resourceVersion' },
    { name: 'rejects an empty start key', token: raw({ v: 'meta.k8s.io/v1', rv: 1, start: '' }), message: 'encoded start key empty' },
    { name: 'rejects a start key climbing out of the prefix', token: raw({ v: 'meta.k8s.io/v1', rv: 1, start: '../secrets/kube-system/x' }), message: 'continue key is not valid: ../secrets' },
    { name: 'rejects a start key with a dot element', token: raw({ v: 'meta.k8s.io/v1', rv: 1, start: 'a/./b' }), message: 'continue key is not valid' },
    { name: 'rejects a start key with a doubled slash', token: raw({ v: 'meta.k8s.io/v1', rv: 1, start: 'a//b' }), message: 'continue key is not valid' }
  ]
  it.each(rejected)('$name', ({ token, message }) => {
    let caught: unknown
    try { decodeContinue(token) } catch (err) { caught = err }
    expect(caught).toMatchObject({ code: 400, reason: 'BadRequest' })
    expect((caught as Error).message).toContain(message)
    expect((caught as Error).message.startsWith('invalid continue token: ')).toBe(true)
  })

  const cleaned = [
    { name: 'keeps a clean path', input: '/a/b', output: '/a/b' },
    { name: 'drops a trailing slash like Go', input: '/a/b/', output: '/a/b' },
    { name: 'resolves parent elements without escaping the root', input: '/../../x', output: '/x' },
    { name: 'reduces the root to a single slash', input: '/', output: '/' }
  ]
  it.each(cleaned)('$name', ({ input, output }) => { expect(cleanPath(input)).toBe(output) })
})
