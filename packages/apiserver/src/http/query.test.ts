import { parseListQuery, parseWatchQuery, parseWriteQuery, queryOf } from './query.js'

describe('query parsing', () => {
  it('reads a kubectl informer watch', () => {
    expect(parseWatchQuery(queryOf('/x?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dweb&resourceVersion=12&timeoutSeconds=420&watch=true')))
      .toEqual({ allowWatchBookmarks: true, fieldSelector: 'metadata.name=web', resourceVersion: '12', timeoutSeconds: 420 })
  })

  it('accepts a watch-list request (sendInitialEvents with NotOlderThan)', () => {
    expect(parseWatchQuery(queryOf('/x?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true')))
      .toMatchObject({ sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan' })
  })

  it.each([
    { name: 'resourceVersionMatch on a plain watch', url: '/x?watch=1&resourceVersionMatch=NotOlderThan&resourceVersion=5' },
    { name: 'sendInitialEvents without NotOlderThan', url: '/x?watch=1&sendInitialEvents=true' }
  ])('refuses $name with 422', ({ url }) => {
    expect(() => parseWatchQuery(queryOf(url))).toThrow(expect.objectContaining({ code: 422, reason: 'Invalid' }))
  })

  it('refuses a continue token together with a resourceVersion', () => {
    expect(() => parseListQuery(queryOf('/x?continue=abc&resourceVersion=5'))).toThrow(expect.objectContaining({ code: 422 }))
  })

  it('treats limit=0 as no limit', () => {
    expect(parseListQuery(queryOf('/x?limit=0'))).toEqual({})
  })

  it('reads write options', () => {
    expect(parseWriteQuery(queryOf('/x?dryRun=All&fieldManager=kubectl-client-side-apply&fieldValidation=Strict&force=true'), 'PatchOptions'))
      .toEqual({ dryRun: true, fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict', force: true })
  })
})
