import { planList, validateWatchQuery } from './resource-version.js'
import type { ListQuery, WatchQuery } from './rest.js'

const decode = (token: string): { revision: number, startKey: string } => ({ revision: Number(token.split(':')[0]), startKey: token.split(':')[1] ?? '' })

function caught (fn: () => unknown): { code?: number, message?: string } | undefined {
  try { fn() } catch (err) { return err as { code: number } }
  return undefined
}

describe('planList', () => {
  it.each([
    { name: 'reads the most recent state when resourceVersion is unset', q: {}, want: {} },
    { name: 'reads any state for resourceVersion 0', q: { resourceVersion: '0' }, want: {} },
    { name: 'reads not older than N without a limit', q: { resourceVersion: '7' }, want: { minRevision: 7 } },
    { name: 'reads exactly N with a limit (legacy semantics)', q: { resourceVersion: '7', limit: 2 }, want: { revision: 7, limit: 2 } },
    { name: 'reads exactly N with resourceVersionMatch=Exact', q: { resourceVersion: '7', resourceVersionMatch: 'Exact' }, want: { revision: 7 } },
    { name: 'reads not older than N with resourceVersionMatch=NotOlderThan and a limit', q: { resourceVersion: '7', resourceVersionMatch: 'NotOlderThan', limit: 3 }, want: { minRevision: 7, limit: 3 } },
    { name: 'continues at the token revision and start key', q: { continue: '9:b\u0000', limit: 1 }, want: { revision: 9, startKey: 'b\u0000', limit: 1 } },
    { name: 'treats resourceVersion 0 with continue as a plain continue', q: { continue: '9:b', resourceVersion: '0' }, want: { revision: 9, startKey: 'b' } }
  ] as Array<{ name: string, q: ListQuery, want: object }>)('$name', ({ q, want }) => {
    expect(planList(q, decode)).toEqual(want)
  })

  it.each([
    { name: 'rejects a resourceVersion with continue with 400', q: { continue: '9:b', resourceVersion: '3' }, code: 400, message: 'specifying resource version is not allowed when using continue' },
    { name: 'rejects resourceVersionMatch without resourceVersion with 422', q: { resourceVersionMatch: 'Exact' }, code: 422, message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided' },
    { name: 'rejects resourceVersionMatch=Exact with resourceVersion 0', q: { resourceVersion: '0', resourceVersionMatch: 'Exact' }, code: 422, message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"' },
    { name: 'rejects an unknown resourceVersionMatch', q: { resourceVersion: '1', resourceVersionMatch: 'Newest' }, code: 422, message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""' },
    { name: 'rejects resourceVersionMatch with continue', q: { resourceVersion: '1', resourceVersionMatch: 'NotOlderThan', continue: '9:b' }, code: 422, message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided' },
    { name: 'rejects a non-numeric resourceVersion with 400', q: { resourceVersion: 'abc' }, code: 400, message: 'invalid resource version: resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax' }
  ] as Array<{ name: string, q: ListQuery, code: number, message: string }>)('$name', ({ q, code, message }) => {
    expect(caught(() => planList(q, decode))).toMatchObject({ code, message })
  })
})

describe('validateWatchQuery', () => {
  it.each([
    { name: 'accepts sendInitialEvents with NotOlderThan', q: { sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan', resourceVersion: '' }, message: undefined },
    { name: 'requires NotOlderThan with sendInitialEvents', q: { sendInitialEvents: true }, message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan' },
    { name: 'forbids resourceVersionMatch on a watch without sendInitialEvents', q: { resourceVersionMatch: 'NotOlderThan', resourceVersion: '1' }, message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided' }
  ] as Array<{ name: string, q: WatchQuery, message?: string }>)('$name', ({ q, message }) => {
    const err = caught(() => { validateWatchQuery(q) })
    if (message === undefined) expect(err).toBeUndefined()
    else expect(err).toMatchObject({ code: 422, message })
  })
})
