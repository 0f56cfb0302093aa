import type { IncomingMessage } from 'node:http'
import { ApiError, errBadRequest, parseApiVersion } from '@kube-ts/api'
import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import { mediaTypeOf, readBody } from './body.js'
import { parseJsonWithDuplicates, stripPrototypeKeys } from './safe-json.js'
import { decodeKubernetesProtobuf, protobufMediaType } from '../protobuf/index.js'
import { parseYamlWithDuplicates } from './safe-yaml.js'
import { recordDecode } from './decode-record.js'
import { parseJsonMergingRepeats } from './json-repeated-merge.js'

const bodyMediaTypes = 'application/json, application/yaml, application/vnd.kubernetes.protobuf'

export function unsupportedMediaType (contentType: string, accepted = bodyMediaTypes): ApiError {
  return new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted}`)
}

/**
 * Decodes a create/update/delete-options body: JSON, YAML, or Kubernetes protobuf (what kubectl's typed clients
 * send, turned into the equivalent JSON object). A missing Content-Type means JSON, as upstream negotiates the
 * first serializer. Repeated keys are recorded for field validation (protobuf cannot repeat a field name).
 */
export async function decodeBody (req: IncomingMessage, allowEmpty = false): Promise<unknown> {
  const type = mediaTypeOf(req.headers['content-type'])
  if (type !== '' && type !== 'application/json' && type !== 'application/yaml' && type !== protobufMediaType) {
    throw unsupportedMediaType(type)
  }
  const body = await readBody(req)
  if (type === protobufMediaType) {
    if (body.length === 0 && allowEmpty) return undefined
    const decoded = decodeKubernetesProtobuf(body).object
    stripPrototypeKeys(decoded)
    return decoded
  }
  const text = body.toString('utf8')
  if (text.trim() === '') {
    if (allowEmpty) return undefined
    throw errBadRequest('the request body is empty; an object is required')
  }
  if (type === 'application/yaml') {
    const { value, duplicates } = parseYamlWithDuplicates(text)
    recordDecode(req, { source: 'yaml', duplicates })
    return value
  }
  const { value, duplicates } = parseJsonWithDuplicates(text)
  recordDecode(req, { source: 'json', duplicates })
  // typed decoding fills a repeated object field twice rather than replacing it
  return duplicates.length > 0 ? parseJsonMergingRepeats(text) : value
}

export function isPlainObject (v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/**
 * Checks a decoded body against the URL's kind: it must be an object, its apiVersion/kind (defaulted from the
 * URL when absent, as upstream's decoder does) must match, and metadata must be an object.
 */
export function asKubeObject (value: unknown, gv: { group: string, version: string }, kind: string): KubeObject {
  if (!isPlainObject(value)) {
    throw errBadRequest(`the body of the request must be a JSON object of kind ${kind}, got ${Array.isArray(value) ? 'an array' : typeof value}`)
  }
  const expected = gv.group === '' ? gv.version : `${gv.group}/${gv.version}`
  const apiVersion = value.apiVersion
  if (apiVersion !== undefined && apiVersion !== '') {
    if (typeof apiVersion !== 'string') throw errBadRequest('apiVersion must be a string')
    const parsed = parseApiVersion(apiVersion)
    if (parsed.group !== gv.group || parsed.version !== gv.version) {
      throw errBadRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${expected})`)
    }
  }
  const dataKind = value.kind
  if (dataKind !== undefined && dataKind !== '') {
    if (typeof dataKind !== 'string') throw errBadRequest('kind must be a string')
    if (dataKind !== kind) throw errBadRequest(`the kind in the data (${dataKind}) does not match the expected kind (${kind})`)
  }
  const metadata = value.metadata ?? {}
  if (!isPlainObject(metadata)) throw errBadRequest('metadata must be an object')
  return { ...value, apiVersion: expected, kind, metadata } as KubeObject
}

/** Applies the URL's namespace: it fills an empty one and refuses a different one; cluster-scoped kinds get none. */
export function bindNamespace (obj: KubeObject, schema: ResourceSchema, namespace: string): void {
  if (!schema.namespaced) {
    delete obj.metadata.namespace
    return
  }
  const own = obj.metadata.namespace
  if (own === undefined || own === '') {
    obj.metadata.namespace = namespace
  } else if (own !== namespace) {
    throw errBadRequest('the namespace of the provided object does not match the namespace sent on the request')
  }
}
