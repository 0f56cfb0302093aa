import { ApiError, errBadRequest } from '@kube-ts/api'
import { MessageDecoder } from './decode-message.js'
import { readEnvelope } from './envelope.js'
import { messageForKind } from './kinds.js'
import { messages } from './messages/index.js'

export const protobufMediaType = 'application/vnd.kubernetes.protobuf'

/** True for `application/vnd.kubernetes.protobuf` with or without parameters, in any letter case. */
export function isKubernetesProtobuf (contentType: string): boolean {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase() === protobufMediaType
}

export interface DecodedProtobuf {
  apiVersion: string
  kind: string
  /** The object as the JSON API would have received it, with apiVersion and kind set. */
  object: Record<string, unknown>
}

const decoder = new MessageDecoder(messages)

function unsupported (what: string): ApiError {
  return new ApiError(415, 'UnsupportedMediaType',
    `${what} cannot be decoded from ${protobufMediaType} by this server; send it as application/json instead`)
}

/**
 * Decodes a Kubernetes protobuf request body ("k8s\0" + runtime.Unknown) into the equivalent JSON object.
 * Malformed bytes are a 400 BadRequest, a kind outside the supported set a 415 UnsupportedMediaType.
 */
export function decodeKubernetesProtobuf (body: Buffer): DecodedProtobuf {
  const env = readEnvelope(body)
  if (env.kind === '') throw errBadRequest('unable to decode protobuf body: Object \'Kind\' is missing in the envelope')
  if (env.contentEncoding !== '') throw unsupported(`a body with content encoding "${env.contentEncoding}"`)
  if (env.contentType !== '' && !isKubernetesProtobuf(env.contentType)) throw unsupported(`an object with content type "${env.contentType}"`)
  const message = messageForKind(env.apiVersion, env.kind)
  if (message === undefined) {
    throw unsupported(`kind ${env.kind} in version "${env.apiVersion}"`)
  }
  const decoded = decoder.decode(env.raw, message) as Record<string, unknown>
  return { apiVersion: env.apiVersion, kind: env.kind, object: { apiVersion: env.apiVersion, kind: env.kind, ...decoded } }
}
