import { decodeKubernetesProtobuf } from './decode.js'
import { MessageDecoder } from './decode-message.js'
import type { MessageTable } from './message-table.js'
import { WireReader } from './wire-reader.js'
import { kubernetesProtobufBody, WireWriter } from './wire-writer.js'

const w = (): WireWriter => new WireWriter()
const decode = (apiVersion: string, kind: string, raw: WireWriter): Record<string, unknown> =>
  decodeKubernetesProtobuf(kubernetesProtobufBody(apiVersion, kind, raw)).object

const emptyMeta = w().bytes(1, 'p')

describe('decoding follows Go JSON field semantics', () => {
  const cases: Array<{ name: string, apiVersion: string, kind: string, raw: WireWriter, want: Record<string, unknown> }> = [
    {
      name: 'a pointer bool set to false is kept',
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      raw: w().bytes(1, emptyMeta).varint(4, false),
      want: { metadata: { name: 'p' }, automountServiceAccountToken: false }
    },
    {
      name: 'an inline volume source lands beside the volume name and an omitempty bool false is dropped',
      apiVersion: 'v1',
      kind: 'Pod',
      raw: w().bytes(1, emptyMeta).bytes(2, w()
        .bytes(1, w().bytes(1, 'data').bytes(2, w().bytes(2, w())))
        .bytes(1, w().bytes(1, 'cfg').bytes(2, w().bytes(19, w().bytes(1, w().bytes(1, 'cm')).varint(3, 0o644))))
        .bytes(2, w().bytes(1, 'c').bytes(2, 'busybox').varint(16, false))),
      want: {
        metadata: { name: 'p' },
        spec: {
          volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cm', defaultMode: 0o644 } }],
          containers: [{ name: 'c', image: 'busybox' }]
        }
      }
    },
    {
      name: 'probes inline their handler and keep an IntOrString port',
      apiVersion: 'v1',
      kind: 'Pod',
      raw: w().bytes(2, w().bytes(2, w().bytes(1, 'c').bytes(10, w()
        .bytes(1, w().bytes(2, w().bytes(1, '/healthz').bytes(2, w().varint(1, 1).bytes(3, 'http'))))
        .varint(2, 5)))),
      want: { spec: { containers: [{ name: 'c', livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 5 } }] } }
    },
    {
      name: 'resource quantities decode as strings and a negative int32 survives its 10-byte varint',
      apiVersion: 'v1',
      kind: 'Pod',
      raw: w().bytes(2, w()
        .bytes(2, w().bytes(1, 'c').bytes(8, w().bytes(1, w().bytes(1, 'cpu').bytes(2, w().bytes(1, '500m'))).bytes(2, w().bytes(1, 'memory').bytes(2, w()))))
        .varint(4, -1n)),
      want: { spec: { containers: [{ name: 'c', resources: { limits: { cpu: '500m' }, requests: { memory: '0' } } }], terminationGracePeriodSeconds: -1 } }
    },
    {
      name: 'ownerReferences and managedFields decode with times and raw fieldsV1 JSON',
      apiVersion: 'v1',
      kind: 'ConfigMap',
      raw: w().bytes(1, w().bytes(1, 'c')
        .bytes(8, w().varint(1, 1795420800))
        .bytes(13, w().bytes(5, 'apps/v1').bytes(1, 'ReplicaSet').bytes(3, 'rs').bytes(4, 'u-1').varint(6, true).varint(7, false))
        .bytes(17, w().bytes(1, 'kubectl').bytes(2, 'Update').bytes(3, 'v1').bytes(4, w().varint(1, 1795420800)).bytes(6, 'FieldsV1')
          .bytes(7, w().bytes(1, '{"f:data":{"f:a":{}}}')))),
      want: {
        metadata: {
          name: 'c',
          creationTimestamp: '2026-11-23T08:00:00Z',
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u-1', controller: true, blockOwnerDeletion: false }],
          managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: 'v1', time: '2026-11-23T08:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } }]
        }
      }
    },
    {
      name: 'an eviction carries delete options with an explicit zero grace period and preconditions',
      apiVersion: 'policy/v1',
      kind: 'Eviction',
      raw: w().bytes(1, w().bytes(1, 'p').bytes(3, 'ns')).bytes(2, w().varint(1, 0).bytes(2, w().bytes(1, 'uid-1')).bytes(4, 'Foreground').bytes(5, 'All')),
      want: {
        metadata: { name: 'p', namespace: 'ns' },
        deleteOptions: { gracePeriodSeconds: 0, preconditions: { uid: 'uid-1' }, propagationPolicy: 'Foreground', dryRun: ['All'] }
      }
    },
    {
      name: 'exit code values decode whether packed or not',
      apiVersion: 'batch/v1',
      kind: 'Job',
      raw: w().bytes(2, w().bytes(11, w().bytes(1, w().bytes(1, 'FailJob').bytes(2, w().bytes(2, 'In').bytes(3, w().raw([1, 2])).varint(3, 3))))),
      want: { spec: { podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 2, 3] } }] } } }
    },
    {
      name: 'user extra values in a SubjectAccessReview decode as string lists',
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      raw: w().bytes(2, w().bytes(3, 'alice').bytes(5, w().bytes(1, 'scopes').bytes(2, w().bytes(1, 'a').bytes(1, 'b')))),
      want: { spec: { user: 'alice', extra: { scopes: ['a', 'b'] } } }
    }
  ]

  it.each(cases)('$name', ({ apiVersion, kind, raw, want }) => {
    expect(decode(apiVersion, kind, raw)).toEqual({ apiVersion, kind, ...want })
  })

  it('a map key named __proto__ becomes plain data, not a prototype', () => {
    const obj = decode('v1', 'ConfigMap', w().bytes(2, w().bytes(1, '__proto__').bytes(2, 'x')))
    const data = obj.data as Record<string, unknown>
    expect(Object.keys(data)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
    expect(JSON.parse(JSON.stringify(obj))).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', data: JSON.parse('{"__proto__":"x"}') })
  })

  it.each([
    { name: 'an absent []byte without omitempty renders as null', raw: w().bytes(2, w().bytes(3, 'x')), want: null },
    { name: 'a present but empty []byte without omitempty renders as an empty string', raw: w().bytes(2, w().bytes(1, '').bytes(3, 'x')), want: '' }
  ])('$name', ({ raw, want }) => {
    const csr = decode('certificates.k8s.io/v1', 'CertificateSigningRequest', raw)
    expect((csr.spec as Record<string, unknown>).request).toEqual(want)
  })

  it('a message field sent twice merges instead of replacing', () => {
    const obj = decode('v1', 'ConfigMap', w().bytes(1, w().bytes(1, 'c')).bytes(1, w().bytes(3, 'ns')))
    expect(obj.metadata).toEqual({ name: 'c', namespace: 'ns' })
  })

  it('DeleteOptions is accepted under any group version', () => {
    expect(decode('apps/v1', 'DeleteOptions', w().varint(1, 30).bytes(4, 'Orphan'))).toEqual({
      apiVersion: 'apps/v1', kind: 'DeleteOptions', gracePeriodSeconds: 30, propagationPolicy: 'Orphan'
    })
  })
})

describe('special messages decode to their JSON forms', () => {
  const table: MessageTable = {
    'test.Holder': [
      { name: 'time', number: 1, type: 'meta.v1.Time' },
      { name: 'micro', number: 2, type: 'meta.v1.MicroTime' },
      { name: 'duration', number: 3, type: 'meta.v1.Duration' },
      { name: 'raw', number: 4, type: 'runtime.RawExtension' },
      { name: 'port', number: 5, type: 'intstr.IntOrString' },
      { name: 'ratio', number: 6, type: 'double', keepZero: true }
    ]
  }
  const run = (raw: WireWriter): unknown => new MessageDecoder(table).decode(new WireReader(raw.finish()), 'test.Holder')

  it.each([
    { name: 'an empty Time is the zero time, rendered as null', raw: w().bytes(1, w()), want: { time: null } },
    { name: 'Time ignores nanos as upstream does', raw: w().bytes(1, w().varint(1, 60).varint(2, 5)), want: { time: '1970-01-01T00:01:00Z' } },
    { name: 'MicroTime keeps microseconds', raw: w().bytes(2, w().varint(1, 60).varint(2, 1_234_567)), want: { micro: '1970-01-01T00:01:00.001234Z' } },
    { name: 'Duration renders as a Go duration string', raw: w().bytes(3, w().varint(1, 90_000_000_000)), want: { duration: '1m30s' } },
    { name: 'RawExtension holds parsed JSON', raw: w().bytes(4, w().bytes(1, '{"a":[1,true]}')), want: { raw: { a: [1, true] } } },
    { name: 'an empty RawExtension is null', raw: w().bytes(4, w()), want: { raw: null } },
    { name: 'an IntOrString of type int is a number', raw: w().bytes(5, w().varint(1, 0).varint(2, 8080).bytes(3, '')), want: { port: 8080 } },
    { name: 'a double is read as 64-bit little endian', raw: w().fixed64(6, 0.25), want: { ratio: 0.25 } }
  ])('$name', ({ raw, want }) => {
    expect(run(raw)).toEqual(want)
  })
})
