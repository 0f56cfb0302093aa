import { GRPCDeadlineExceededError, GRPCInternalError, GRPCInvalidArgumentError, GRPCResourceExhastedError, GRPCUnavailableError } from 'etcd3'
import { errNotFound } from '@kube-ts/api'
import { isCompactedError, isFutureRevisionError, toApiError } from './etcd-client.js'

describe('toApiError', () => {
  const cases = [
    { name: 'maps an unreachable etcd to 503', err: new GRPCUnavailableError('14 UNAVAILABLE: No connection established'), code: 503, reason: 'ServiceUnavailable' },
    { name: 'maps a missed deadline to 504 since the write outcome is unknown', err: new GRPCDeadlineExceededError('4 DEADLINE_EXCEEDED: Deadline exceeded'), code: 504, reason: 'Timeout' },
    { name: 'maps a leader change to 503', err: new Error('etcdserver: leader changed'), code: 503, reason: 'ServiceUnavailable' },
    { name: 'maps etcd request-size refusals to 413', err: new GRPCInvalidArgumentError('3 INVALID_ARGUMENT: etcdserver: request is too large'), code: 413, reason: 'RequestEntityTooLarge' },
    { name: 'maps gRPC message-size refusals to 413', err: new GRPCResourceExhastedError('8 RESOURCE_EXHAUSTED: grpc: received message larger than max (3 vs. 2)'), code: 413, reason: 'RequestEntityTooLarge' },
    { name: 'maps a full database to 500', err: new GRPCResourceExhastedError('8 RESOURCE_EXHAUSTED: etcdserver: mvcc: database space exceeded'), code: 500, reason: 'InternalError' },
    { name: 'maps anything else to 500', err: new GRPCInternalError('13 INTERNAL: boom'), code: 500, reason: 'InternalError' },
    { name: 'passes ApiErrors through unchanged', err: errNotFound({ group: '', resource: 'pods' }, 'a'), code: 404, reason: 'NotFound' }
  ]
  it.each(cases)('$name', ({ err, code, reason }) => {
    expect(toApiError(err, 'get')).toMatchObject({ code, reason })
  })
})

describe('etcd error predicates', () => {
  it('recognises compaction and future-revision errors by etcd message', () => {
    expect(isCompactedError(new Error('11 OUT_OF_RANGE: etcdserver: mvcc: required revision has been compacted'))).toBe(true)
    expect(isFutureRevisionError(new Error('11 OUT_OF_RANGE: etcdserver: mvcc: required revision is a future revision'))).toBe(true)
    expect(isCompactedError(new Error('etcdserver: request timed out'))).toBe(false)
  })
})
