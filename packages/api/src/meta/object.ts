import type { ObjectMeta } from 'kubernetes-types/meta/v1.js'

/** Any stored API object. Concrete kinds come from `kubernetes-types`; the machinery only needs this shape. */
export interface KubeObject {
  apiVersion?: string
  kind?: string
  metadata: ObjectMeta
  [field: string]: unknown
}

export interface KubeList<T = KubeObject> {
  apiVersion: string
  kind: string
  metadata: { resourceVersion?: string, continue?: string, remainingItemCount?: number }
  items: T[]
}

/** Makes the informer cache read-only at compile time (STYLE.md 2.4). */
export type DeepReadonly<T> = T extends (infer R)[] ? ReadonlyArray<DeepReadonly<R>>
  : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T

export interface GroupVersionKind { group: string, version: string, kind: string }
export interface GroupVersionResource { group: string, version: string, resource: string }

export function apiVersionOf (group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`
}

export function parseApiVersion (apiVersion: string): { group: string, version: string } {
  const i = apiVersion.indexOf('/')
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) }
}
