import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import type { Storage } from '../storage/storage.js'
import { GenericRegistry, type GenericRegistryOptions } from './generic-registry.js'
import type { RequestScope, WatchEvent } from './rest.js'
import { namespaces } from './test-schemas.js'

/** Test helpers shared by the unit tests (MemoryStorage) and the integration tests (etcd). */
export function scope (schema: ResourceSchema, namespace = 'default'): RequestScope {
  return { schema, namespace: schema.namespaced ? namespace : '' }
}

export async function newRegistry (storage: Storage, opts: Omit<GenericRegistryOptions, 'storage'> = {}, nsNames: string[] = ['default']): Promise<GenericRegistry> {
  const registry = new GenericRegistry({ storage, ...opts })
  for (const name of nsNames) await registry.create(scope(namespaces), { metadata: { name } }, { dryRun: false })
  return registry
}

export async function caught (p: Promise<unknown>): Promise<{ code?: number, reason?: string, message?: string }> {
  try {
    await p
  } catch (err) {
    return err as { code?: number }
  }
  throw new Error('expected the call to fail')
}

/** Reads `n` events from a watch or fails after `ms`; the iterator stays open. */
export async function take (it: AsyncIterator<WatchEvent>, n: number, ms = 5000): Promise<WatchEvent[]> {
  const out: WatchEvent[] = []
  const deadline = Date.now() + ms
  while (out.length < n) {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>(resolve => { timer = setTimeout(() => { resolve('timeout') }, Math.max(0, deadline - Date.now())) })
    const r = await Promise.race([it.next(), timeout])
    clearTimeout(timer)
    if (r === 'timeout') throw new Error(`timed out after ${out.length} of ${n} events: ${JSON.stringify(out.map(e => e.type))}`)
    if (r.done === true) break
    out.push(r.value)
  }
  return out
}

export const summary = (evs: WatchEvent[]): string[] => evs.map(e => `${e.type} ${e.object.metadata?.name ?? e.object.metadata?.resourceVersion ?? ''}`)

export const named = (name: string, extra: Record<string, unknown> = {}): KubeObject =>
  ({ ...extra, metadata: { ...(extra.metadata as KubeObject['metadata'] | undefined), name } })
