import type { KubeList, Status } from '@kube-ts/api'

/** Which REST resource a call targets; @kube-ts/client's ResourceDescriptor has this shape. */
export interface ResourceRef {
  group: string
  version: string
  resource: string
  namespaced: boolean
  kind?: string
}

/**
 * The verbs controllers use on one resource. @kube-ts/client's ResourceClient and @kube-ts/testing's
 * FakeResourceClient both satisfy it, which is the seam unit tests swap.
 */
export interface ResourceApi<T> {
  get: (namespace: string, name: string, opts?: { signal?: AbortSignal }) => Promise<T>
  list: (namespace: string, opts?: { labelSelector?: string, signal?: AbortSignal }) => Promise<KubeList<T>>
  create: (namespace: string, obj: T, opts?: { fieldManager?: string, signal?: AbortSignal }) => Promise<T>
  update: (namespace: string, obj: T, opts?: { fieldManager?: string, signal?: AbortSignal }) => Promise<T>
  updateStatus: (namespace: string, obj: T, opts?: { fieldManager?: string, signal?: AbortSignal }) => Promise<T>
  patch: (namespace: string, name: string, type: 'merge' | 'strategic' | 'json' | 'apply', body: unknown, opts?: { fieldManager?: string, subresource?: string, signal?: AbortSignal }) => Promise<T>
  delete: (namespace: string, name: string, opts?: { preconditions?: { uid?: string, resourceVersion?: string }, propagationPolicy?: 'Orphan' | 'Background' | 'Foreground', signal?: AbortSignal }) => Promise<T | Status>
}

/** A client that hands out typed resource verbs (RestClient and FakeClient). */
export interface KubeClient {
  resource: <T extends object>(desc: ResourceRef) => ResourceApi<T>
}
