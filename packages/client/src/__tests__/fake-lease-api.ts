import type { Lease } from 'kubernetes-types/coordination/v1.js'
import { errAlreadyExists, errConflict, errNotFound } from '@kube-ts/api'
import type { LeaseApi } from '../leader-election.js'

const ref = { group: 'coordination.k8s.io', resource: 'leases' }

/** In-memory Lease storage with resourceVersion compare-and-swap, like the apiserver. */
export class FakeLeaseApi implements LeaseApi {
  leases = new Map<string, Lease>()
  private rv = 100 // above any resourceVersion a test seeds by hand
  /** When set, every call fails with this error (apiserver unreachable). */
  failWith: Error | undefined
  writes = 0

  async get (ns: string, name: string): Promise<Lease> {
    if (this.failWith !== undefined) throw this.failWith
    const l = this.leases.get(`${ns}/${name}`)
    if (l === undefined) throw errNotFound(ref, name)
    return structuredClone(l)
  }

  async create (ns: string, obj: Lease): Promise<Lease> {
    if (this.failWith !== undefined) throw this.failWith
    const key = `${ns}/${obj.metadata?.name ?? ''}`
    if (this.leases.has(key)) throw errAlreadyExists(ref, obj.metadata?.name ?? '')
    const stored = { ...structuredClone(obj), metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } }
    this.leases.set(key, stored)
    this.writes++
    return structuredClone(stored)
  }

  async update (ns: string, obj: Lease): Promise<Lease> {
    if (this.failWith !== undefined) throw this.failWith
    const key = `${ns}/${obj.metadata?.name ?? ''}`
    const cur = this.leases.get(key)
    if (cur === undefined) throw errNotFound(ref, obj.metadata?.name ?? '')
    if (obj.metadata?.resourceVersion !== cur.metadata?.resourceVersion) throw errConflict(ref, obj.metadata?.name ?? '')
    const stored = { ...structuredClone(obj), metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } }
    this.leases.set(key, stored)
    this.writes++
    return structuredClone(stored)
  }

  spec (ns = 'kube-system', name = 'kube-scheduler'): Lease['spec'] {
    return this.leases.get(`${ns}/${name}`)?.spec
  }
}
