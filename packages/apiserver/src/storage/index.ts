// The apiserver's storage layer: the Storage contract, its etcd and in-memory implementations, continue tokens.
export type { Storage, ListOptions, ListResult, StorageEvent, StorageEventType } from './storage.js'
export { EtcdStorage } from './etcd-storage.js'
export type { EtcdStorageOptions } from './etcd-storage.js'
export { decodeContinue, encodeContinue, CONTINUE_TOKEN_VERSION } from './continue-token.js'
export type { ContinuePosition } from './continue-token.js'
export { CONTINUE_TOO_OLD_MESSAGE, LIST_TOO_OLD_MESSAGE } from './etcd-list.js'
export { refFromKey } from './key-errors.js'
export type { StorageLogger } from './storage-logger.js'
