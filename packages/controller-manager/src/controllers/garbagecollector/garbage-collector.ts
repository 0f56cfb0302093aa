import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import { DeletedFinalStateUnknown, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { GarbageCollectorController as controllerName } from '../names.js'
import type { GcResource } from './gc-resources.js'

export const foregroundFinalizer = 'foregroundDeletion'
export const orphanFinalizer = 'orphan'

interface Obj {
  apiVersion?: string
  kind?: string
  metadata?: { name?: string, namespace?: string, uid?: string, resourceVersion?: string, deletionTimestamp?: string, finalizers?: string[], ownerReferences?: OwnerReference[] }
}
type RObj = DeepReadonly<Obj>

export interface WatchedResource { res: GcResource, informer: SharedInformer<Obj> }

export interface GarbageCollectorDeps {
  client: KubeClient
  resources: WatchedResource[]
  logger: Logger
  clock: Clock
  registry?: Registry
}

interface Node { res: GcResource, namespace: string, name: string }
const ownerIndex = 'gc-owner-uid'
const unwrap = (o: RObj | DeletedFinalStateUnknown<Obj>): RObj => (o instanceof DeletedFinalStateUnknown ? o.obj : o)

/**
 * The garbage collector (upstream pkg/controller/garbagecollector), level-triggered over shared informers of
 * every deletable resource: an owner-uid index gives each object's dependents. A queued object is
 * - being deleted with `foregroundDeletion`: its dependents are deleted (foreground when they block it), and the
 *   finalizer goes once none remain;
 * - being deleted with `orphan`: its dependents lose their reference to it, then the finalizer goes;
 * - an object with owners: deleted once none of its owners exists any more (checked live before deleting),
 *   or stripped of references to owners that are gone while another owner remains.
 */
export class GarbageCollector {
  readonly queue: WorkQueue<string>
  private readonly log: Logger
  private readonly byKind = new Map<string, WatchedResource>()
  private readonly byResource = new Map<string, WatchedResource>()

  constructor (private readonly deps: GarbageCollectorDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'garbage_collector_attempt_to_delete', clock: deps.clock, registry: deps.registry })
    for (const w of deps.resources) {
      this.byKind.set(`${w.res.apiVersion}|${w.res.kind}`, w)
      // references may name another version of the same group: fall back to group + kind
      this.byKind.set(`${groupOf(w.res.apiVersion)}|${w.res.kind}`, w)
      this.byResource.set(resKey(w.res), w)
      w.informer.addIndexer(ownerIndex, (o) => (o.metadata?.ownerReferences ?? []).map((r) => r.uid))
      const enqueueSelf = (o: RObj): void => {
        if ((o.metadata?.ownerReferences ?? []).length > 0 || o.metadata?.deletionTimestamp != null) this.queue.add(this.keyOf(w.res, o))
      }
      w.informer.addEventHandler({
        onAdd: enqueueSelf,
        onUpdate: (old, cur) => {
          enqueueSelf(cur)
          if (cur.metadata?.deletionTimestamp != null) this.enqueueDependents(cur)
          // an owner waiting on this object learns that it let go
          if (old.metadata?.ownerReferences !== cur.metadata?.ownerReferences) this.enqueueOwners(old)
        },
        onDelete: (o) => { this.enqueueDependents(unwrap(o)); this.enqueueOwners(unwrap(o)) }
      })
    }
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers, resources: this.deps.resources.length }, 'starting controller')
    if (!await waitForCacheSync(signal, ...this.deps.resources.map((w) => w.informer))) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
    this.log.info('controller stopped')
  }

  private keyOf (res: GcResource, o: RObj): string {
    return `${resKey(res)}|${o.metadata?.namespace ?? ''}|${o.metadata?.name ?? ''}`
  }

  private dependentsOf (uid: string): Array<{ w: WatchedResource, obj: RObj }> {
    const out: Array<{ w: WatchedResource, obj: RObj }> = []
    for (const w of this.deps.resources) for (const obj of w.informer.lister().byIndex(ownerIndex, uid)) out.push({ w, obj })
    return out
  }

  private enqueueDependents (owner: RObj): void {
    for (const { w, obj } of this.dependentsOf(owner.metadata?.uid ?? '')) this.queue.add(this.keyOf(w.res, obj))
  }

  private enqueueOwners (o: RObj): void {
    for (const ref of o.metadata?.ownerReferences ?? []) {
      const w = this.byKind.get(`${ref.apiVersion}|${ref.kind}`) ?? this.byKind.get(`${groupOf(ref.apiVersion)}|${ref.kind}`)
      if (w === undefined) continue
      this.queue.add(`${resKey(w.res)}|${w.res.namespaced ? o.metadata?.namespace ?? '' : ''}|${ref.name}`)
    }
  }

  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const parts = key.split('|')
    const namespace = parts[3] ?? ''
    const name = parts[4] ?? ''
    const w = this.byResource.get(parts.slice(0, 3).join('|'))
    if (w === undefined) return
    const obj = w.informer.lister().get(namespace, name)
    if (obj === undefined) return
    const node: Node = { res: w.res, namespace, name }
    const finalizers = obj.metadata?.finalizers ?? []
    if (obj.metadata?.deletionTimestamp != null) {
      if (finalizers.includes(foregroundFinalizer)) await this.processForeground(node, obj, signal)
      else if (finalizers.includes(orphanFinalizer)) await this.processOrphan(node, obj, signal)
      return
    }
    const refs = obj.metadata?.ownerReferences ?? []
    if (refs.length === 0) return
    const solid: OwnerReference[] = []
    const dangling: OwnerReference[] = []
    const waiting: OwnerReference[] = []
    for (const ref of refs) {
      const state = await this.ownerState(ref, namespace, signal)
      if (state === 'absent') dangling.push(ref as OwnerReference)
      else if (state === 'waiting') waiting.push(ref as OwnerReference)
      else solid.push(ref as OwnerReference)
    }
    if (solid.length > 0) {
      if (dangling.length + waiting.length === 0) return
      const gone = new Set([...dangling, ...waiting].map((r) => r.uid))
      await this.patchMeta(node, obj, { ownerReferences: refs.filter((r) => !gone.has(r.uid)) }, signal)
      return
    }
    // every owner is gone or waiting on its dependents: this object goes too
    const hasDependents = this.dependentsOf(obj.metadata?.uid ?? '').length > 0
    const policy = waiting.length > 0 && hasDependents ? 'Foreground' : finalizers.includes(orphanFinalizer) ? 'Orphan' : finalizers.includes(foregroundFinalizer) ? 'Foreground' : 'Background'
    this.log.info({ object: key, policy }, 'deleting object whose owners are gone')
    try {
      await this.deps.client.resource<Obj>(w.res).delete(namespace, name, { preconditions: { uid: obj.metadata?.uid ?? '' }, propagationPolicy: policy, signal })
    } catch (err) {
      if (!isNotFound(err)) throw err
    }
  }

  /** `solid` (exists, not waiting), `waiting` (being deleted in the foreground) or `absent` (gone or another uid). */
  private async ownerState (ref: DeepReadonly<OwnerReference>, namespace: string, signal?: AbortSignal): Promise<'solid' | 'waiting' | 'absent'> {
    const w = this.byKind.get(`${ref.apiVersion}|${ref.kind}`) ?? this.byKind.get(`${groupOf(ref.apiVersion)}|${ref.kind}`)
    // an owner of a kind nobody serves cannot be checked: keep the dependent (upstream retries discovery)
    if (w === undefined) return 'solid'
    const ns = w.res.namespaced ? namespace : ''
    let owner: RObj | undefined = w.informer.lister().get(ns, ref.name)
    if (owner === undefined || owner.metadata?.uid !== ref.uid) {
      // the cache may lag a just-created owner: only a live read may declare it absent (upstream isDangling)
      try {
        owner = await this.deps.client.resource<Obj>(w.res).get(ns, ref.name, { signal })
      } catch (err) {
        if (isNotFound(err)) return 'absent'
        throw err
      }
      if (owner.metadata?.uid !== ref.uid) return 'absent'
    }
    if (owner.metadata?.deletionTimestamp != null && (owner.metadata.finalizers ?? []).includes(foregroundFinalizer)) return 'waiting'
    return 'solid'
  }

  /**
   * An owner deleted in the foreground keeps its finalizer while dependents that block it exist; its
   * dependents are queued, and each one deletes itself once it sees all its owners gone or waiting.
   */
  private async processForeground (node: Node, obj: RObj, signal?: AbortSignal): Promise<void> {
    const uid = obj.metadata?.uid ?? ''
    const deps = this.dependentsOf(uid)
    for (const { w, obj: d } of deps) if (d.metadata?.deletionTimestamp == null) this.queue.add(this.keyOf(w.res, d))
    const blocking = deps.filter(({ obj: d }) => (d.metadata?.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true))
    if (blocking.length > 0) return
    await this.patchMeta(node, obj, { finalizers: (obj.metadata?.finalizers ?? []).filter((f) => f !== foregroundFinalizer) }, signal)
  }

  private async processOrphan (node: Node, obj: RObj, signal?: AbortSignal): Promise<void> {
    const uid = obj.metadata?.uid ?? ''
    for (const { w, obj: d } of this.dependentsOf(uid)) {
      const refs = (d.metadata?.ownerReferences ?? []).filter((r) => r.uid !== uid)
      await this.patchMeta({ res: w.res, namespace: d.metadata?.namespace ?? '', name: d.metadata?.name ?? '' }, d, { ownerReferences: refs }, signal)
    }
    await this.patchMeta(node, obj, { finalizers: (obj.metadata?.finalizers ?? []).filter((f) => f !== orphanFinalizer) }, signal)
  }

  /** A merge patch guarded by uid and resourceVersion, so it never applies to a newer or recreated object. */
  private async patchMeta (node: Node, obj: RObj, meta: Record<string, unknown>, signal?: AbortSignal): Promise<void> {
    const body = { metadata: { ...meta, uid: obj.metadata?.uid, resourceVersion: obj.metadata?.resourceVersion } }
    try {
      await this.deps.client.resource<Obj>(node.res).patch(node.namespace, node.name, 'merge', body, { signal })
    } catch (err) {
      if (!isNotFound(err)) throw err
    }
  }
}

const resKey = (r: GcResource): string => `${r.group}|${r.version}|${r.resource}`
const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.split('/')[0] ?? '' : '')
