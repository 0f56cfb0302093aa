export { decodeKubernetesProtobuf, isKubernetesProtobuf, protobufMediaType } from './decode.js'
export type { DecodedProtobuf } from './decode.js'
export { protobufKinds } from './kinds.js'
