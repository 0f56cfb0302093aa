import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ApiError } from '@kube-ts/api'
import { decodeKubernetesProtobuf, isKubernetesProtobuf } from './decode.js'
import { kubernetesProtobufBody, WireWriter } from './wire-writer.js'

const w = (): WireWriter => new WireWriter()
const magic = Buffer.from('k8s\0', 'latin1')
const deployment = readFileSync(join(__dirname, 'fixtures', 'deployment.bin'))

function failure (body: Buffer): ApiError {
  try {
    decodeKubernetesProtobuf(body)
  } catch (err) {
    if (err instanceof ApiError) return err
    throw new Error(`expected an ApiError, got ${String(err)}`)
  }
  throw new Error('expected decoding to fail')
}

describe('malformed protobuf bodies are a 400 BadRequest', () => {
  it.each([
    { name: 'an empty body', body: Buffer.alloc(0), message: /prefix/ },
    { name: 'a JSON body sent with the protobuf content type', body: Buffer.from('{"kind":"ConfigMap"}'), message: /prefix/ },
    { name: 'a wrong magic byte', body: Buffer.from([0x6b, 0x38, 0x73, 0x01, 0x0a, 0x00]), message: /prefix/ },
    { name: 'the magic alone, with no kind', body: magic, message: /Kind' is missing/ },
    { name: 'an envelope length running past the end', body: Buffer.concat([magic, Buffer.from([0x0a, 0x7f, 0x0a])]), message: /exceeds/ },
    { name: 'a huge length prefix', body: Buffer.concat([magic, Buffer.from([0x12, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])]), message: /exceeds/ },
    { name: 'a varint longer than ten bytes', body: Buffer.concat([magic, Buffer.alloc(11, 0xff), Buffer.from([0x01])]), message: /longer than 10 bytes/ },
    { name: 'a truncated varint', body: Buffer.concat([magic, Buffer.from([0x0a, 0x80])]), message: /truncated varint/ },
    { name: 'field number zero', body: Buffer.concat([magic, Buffer.from([0x02, 0x00])]), message: /invalid field number 0/ },
    { name: 'a group wire type in the envelope', body: Buffer.concat([magic, Buffer.from([0x0b])]), message: /runtime.Unknown/ },
    { name: 'an unknown envelope field', body: Buffer.concat([magic, w().bytes(9, 'x').finish()]), message: /field number 9 .*runtime.Unknown/ },
    {
      name: 'an unknown field in ObjectMeta, named with its message',
      body: kubernetesProtobufBody('v1', 'ConfigMap', w().bytes(1, w().bytes(1, 'c').bytes(99, 'x'))),
      message: /unknown field number 99 \(wire type 2\) in message meta.v1.ObjectMeta/
    },
    {
      name: 'a known field with the wrong wire type',
      body: kubernetesProtobufBody('v1', 'ConfigMap', w().varint(1, 7)),
      message: /field 1 \(metadata\) of message core.v1.ConfigMap has wire type 0, expected 2/
    },
    {
      name: 'garbage nested inside the typed object',
      body: kubernetesProtobufBody('apps/v1', 'Deployment', w().bytes(2, w().bytes(3, Buffer.from([0xff, 0xff, 0xff])))),
      message: /truncated varint/
    },
    {
      name: 'a nested length that runs past its parent message',
      body: kubernetesProtobufBody('v1', 'Namespace', w().bytes(1, Buffer.from([0x0a, 0x05, 0x61]))),
      message: /exceeds/
    },
    {
      name: 'an IntOrString of an unknown type',
      body: kubernetesProtobufBody('policy/v1', 'PodDisruptionBudget', w().bytes(2, w().bytes(1, w().varint(1, 7)))),
      message: /IntOrString type 7/
    },
    {
      name: 'invalid JSON inside managedFields fieldsV1',
      body: kubernetesProtobufBody('v1', 'ConfigMap', w().bytes(1, w().bytes(17, w().bytes(7, w().bytes(1, '{not json'))))),
      message: /JSON/
    },
    {
      name: 'a timestamp beyond year 9999',
      body: kubernetesProtobufBody('v1', 'ConfigMap', w().bytes(1, w().bytes(8, w().varint(1, 10n ** 15n)))),
      message: /outside years 1 to 9999/
    },
    {
      name: 'a map entry with a wire type the value cannot have',
      body: kubernetesProtobufBody('v1', 'ConfigMap', w().bytes(2, w().bytes(1, 'k').varint(2, 1))),
      message: /map entry/
    }
  ])('$name', ({ body, message }) => {
    const err = failure(body)
    expect(err.code).toBe(400)
    expect(err.reason).toBe('BadRequest')
    expect(err.message).toMatch(message)
  })

  it('every truncation of a real kubectl body either decodes or fails with an ApiError', () => {
    for (let len = 0; len < deployment.length; len++) {
      try {
        decodeKubernetesProtobuf(deployment.subarray(0, len))
      } catch (err) {
        expect(err).toBeInstanceOf(ApiError)
        expect([400, 415]).toContain((err as ApiError).code)
      }
    }
  })

  it('random byte corruption of a real kubectl body never escapes as anything but an ApiError', () => {
    let seed = 42
    const next = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed }
    for (let round = 0; round < 1000; round++) {
      const body = Buffer.from(deployment)
      for (let flips = 1 + (next() % 4); flips > 0; flips--) body[4 + (next() % (body.length - 4))] = next() % 256
      try {
        decodeKubernetesProtobuf(body)
      } catch (err) {
        expect(err).toBeInstanceOf(ApiError)
        expect([400, 415]).toContain((err as ApiError).code)
      }
    }
  })
})

describe('large bodies decode in linear time', () => {
  it('3 MiB bodies of 1.5 million list items or 200k distinct labels decode within a few seconds', () => {
    const values = Buffer.alloc(3_000_000)
    for (let i = 0; i < values.length; i += 2) values[i] = 0x0a // field 1, empty string
    const sar = kubernetesProtobufBody('authorization.k8s.io/v1', 'SubjectAccessReview', w().bytes(2, w().bytes(5, w().bytes(1, 'k').bytes(2, values))))
    // 200k label entries of 18 bytes each: field 11 { key = "k" + 6 digits, value = "value" }, written directly for speed
    const entry = w().bytes(11, w().bytes(1, 'k000000').bytes(2, 'value')).finish()
    const labels = Buffer.alloc(entry.length * 200_000)
    for (let i = 0; i < 200_000; i++) {
      entry.copy(labels, i * entry.length)
      labels.write(String(i).padStart(6, '0'), i * entry.length + 5, 'latin1')
    }
    const cm = kubernetesProtobufBody('v1', 'ConfigMap', w().bytes(1, labels))
    const started = Date.now()
    const extra = (decodeKubernetesProtobuf(sar).object.spec as { extra: Record<string, string[]> }).extra
    const meta = decodeKubernetesProtobuf(cm).object.metadata as { labels: Record<string, string> }
    expect(extra.k).toHaveLength(1_500_000)
    expect(Object.keys(meta.labels)).toHaveLength(200_000)
    expect(Date.now() - started).toBeLessThan(8_000)
  })
})

describe('kinds and envelopes this server does not decode are a 415 UnsupportedMediaType', () => {
  it.each([
    { name: 'a kind outside the supported set', body: kubernetesProtobufBody('v1', 'Node', w()), message: /kind Node in version "v1"/ },
    { name: 'a supported kind in an unknown version', body: kubernetesProtobufBody('apps/v1beta2', 'Deployment', w()), message: /kind Deployment in version "apps\/v1beta2"/ },
    {
      name: 'a compressed envelope',
      body: Buffer.concat([magic, w().bytes(1, w().bytes(1, 'v1').bytes(2, 'ConfigMap')).bytes(2, '').bytes(3, 'gzip').finish()]),
      message: /content encoding "gzip"/
    },
    {
      name: 'an envelope whose raw bytes are not protobuf',
      body: Buffer.concat([magic, w().bytes(1, w().bytes(1, 'v1').bytes(2, 'ConfigMap')).bytes(2, '{}').bytes(4, 'application/json').finish()]),
      message: /content type "application\/json"/
    }
  ])('$name', ({ body, message }) => {
    const err = failure(body)
    expect(err.code).toBe(415)
    expect(err.reason).toBe('UnsupportedMediaType')
    expect(err.message).toMatch(message)
  })
})

describe('isKubernetesProtobuf', () => {
  it.each([
    { name: 'the bare media type matches', type: 'application/vnd.kubernetes.protobuf', want: true },
    { name: 'parameters and letter case are ignored', type: 'Application/VND.Kubernetes.Protobuf; charset=binary', want: true },
    { name: 'a stream parameter is ignored like any other', type: 'application/vnd.kubernetes.protobuf;stream=watch', want: true },
    { name: 'JSON does not match', type: 'application/json', want: false },
    { name: 'an empty header does not match', type: '', want: false }
  ])('$name', ({ type, want }) => {
    expect(isKubernetesProtobuf(type)).toBe(want)
  })
})
