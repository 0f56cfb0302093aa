import type { Node, Pod, Taint } from 'kubernetes-types/core/v1.js'
import type { Lease } from 'kubernetes-types/coordination/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import { formatTime, objectKey, resources, TokenBucket, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { Registry } from 'prom-client'
import type { EventRecorder } from '../../controller-utils/events.js'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { NodeLifecycleController as controllerName } from '../names.js'
import { computeZoneState, readyCondition, wantedTaintKey, withLifecycleTaint, zoneOf } from './zone-state.js'
import type { ZoneState } from './zone-state.js'
import { wantedNoScheduleTaintKeys, withNoScheduleTaints } from './no-schedule-taints.js'

export interface NodeLifecycleDeps {
  client: KubeClient
  nodeInformer: SharedInformer<Node>
  leaseInformer: SharedInformer<Lease>
  podInformer: SharedInformer<Pod>
  recorder: EventRecorder
  logger: Logger
  clock: Clock
  monitorPeriodMs: number
  gracePeriodMs: number
  /** --node-startup-grace-period: how long a node that never posted status may stay silent, from its creation. */
  startupGracePeriodMs: number
  evictionRate: number
  secondaryEvictionRate: number
  largeClusterSizeThreshold: number
  unhealthyZoneThreshold: number
  registry?: Registry
}

// what we last saw of a node's heartbeats, and when (our clock, so apiserver/kubelet clock skew does not matter)
interface Health { heartbeat: string, leaseRenew: string, probedAt: number, uid: string }
const conditionTypes = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']

/**
 * Node health (upstream nodelifecycle controller, taint-based eviction): every monitor period, a node whose
 * status heartbeat and Lease have not moved for the grace period gets its conditions set to Unknown and its pods
 * marked not ready; NoExecute `unreachable`/`not-ready` taints follow the Ready condition, added at a per-zone
 * rate (secondary rate or none in a partially disrupted zone, none at all when every zone is fully disrupted, in
 * which case existing taints are lifted), removed immediately on recovery. Independently of zones, every node
 * change also sets the NoSchedule taints its conditions and spec.unschedulable call for (upstream
 * doNoScheduleTaintingPass: `unreachable`, `not-ready`, the pressure taints, `unschedulable` for a cordoned node).
 */
export class NodeLifecycleController {
  private readonly log: Logger
  private readonly health = new Map<string, Health>()
  private readonly zoneLimiters = new Map<string, { rate: number, bucket: TokenBucket | undefined }>()
  /** Nodes whose NoSchedule taints need a look, fed by every node add and update. */
  readonly taintQueue: WorkQueue<string>

  constructor (private readonly deps: NodeLifecycleDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.taintQueue = new WorkQueue<string>({ name: 'node_lifecycle_taints', clock: deps.clock, registry: deps.registry })
    const enqueue = (n: DeepReadonly<Node>): void => { this.taintQueue.add(objectKey(n)) }
    deps.nodeInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => { enqueue(n) } })
  }

  async run (signal: AbortSignal): Promise<void> {
    this.log.info({ gracePeriodMs: this.deps.gracePeriodMs }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.nodeInformer, this.deps.leaseInformer, this.deps.podInformer)) return
    // upstream runs 8 node update workers next to the monitor loop
    const taints = runWorkers({ name: controllerName, queue: this.taintQueue, workers: 8, signal, logger: this.log, registry: this.deps.registry, sync: async (k, s) => { await this.syncNoScheduleTaints(k, s) } })
    while (!signal.aborted) {
      try { await this.monitor(signal) } catch (err) { if (!signal.aborted) this.log.warn({ err }, 'node monitor pass failed') }
      await new Promise<void>((resolve) => {
        const t = this.deps.clock.setTimeout(resolve, this.deps.monitorPeriodMs)
        signal.addEventListener('abort', () => { this.deps.clock.clearTimeout(t); resolve() }, { once: true })
      })
    }
    await taints
    this.log.info('controller stopped')
  }

  /** Sets the node's condition and cordon NoSchedule taints (upstream doNoScheduleTaintingPass). */
  async syncNoScheduleTaints (name: string, signal?: AbortSignal): Promise<void> {
    const node = this.deps.nodeInformer.lister().get('', name)
    if (node === undefined) return
    const taints = withNoScheduleTaints(node.spec?.taints ?? [], wantedNoScheduleTaintKeys(node), formatTime(this.deps.clock.now()))
    if (taints === undefined) return
    this.log.debug({ node: name, taints: taints.map((t) => `${t.key}:${t.effect}`) }, 'updating NoSchedule taints')
    await this.patchTaints(node, taints, signal)
  }

  /** One monitor pass over all nodes (upstream monitorNodeHealth). */
  async monitor (signal?: AbortSignal): Promise<void> {
    const now = this.deps.clock.now()
    const nodes = this.deps.nodeInformer.lister().list()
    const zones = new Map<string, { ready: number, notReady: number, nodes: Array<DeepReadonly<Node>> }>()
    const current = new Map<string, string | undefined>()
    for (const node of nodes) {
      const name = node.metadata?.name ?? ''
      const status = await this.tryUpdateHealth(node, now, signal)
      current.set(name, status)
      const z = zones.get(zoneOf(node)) ?? { ready: 0, notReady: 0, nodes: [] }
      if (status === 'True') z.ready++
      else z.notReady++
      z.nodes.push(node)
      zones.set(zoneOf(node), z)
    }
    for (const [name, h] of this.health) {
      if (current.has(name)) continue
      this.health.delete(name)
      this.nodeEvent(name, h.uid, 'RemovingNode', `Removing Node ${name} from Controller`)
    }
    const states = new Map<string, ZoneState>()
    for (const [zone, z] of zones) states.set(zone, computeZoneState(z.ready, z.notReady, this.deps.unhealthyZoneThreshold))
    const allFullyDisrupted = states.size > 0 && [...states.values()].every((s) => s === 'FullDisruption')
    for (const [zone, z] of zones) {
      const state = states.get(zone) ?? 'Normal'
      for (const node of z.nodes) {
        const key = allFullyDisrupted ? undefined : wantedTaintKey(current.get(node.metadata?.name ?? ''))
        const has = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute' && (t.key === 'node.kubernetes.io/unreachable' || t.key === 'node.kubernetes.io/not-ready')).map((t) => t.key)
        if (key === undefined ? has.length === 0 : has.length === 1 && has[0] === key) continue
        // removing taints (recovery, master disruption mode) is never rate limited; adding is, per zone
        if (key !== undefined && !this.mayTaint(zone, state, nodes.length)) continue
        await this.setTaint(node, key, signal)
      }
    }
    if (allFullyDisrupted) this.log.info('all nodes are not ready: no evictions (master disruption mode)')
  }

  private mayTaint (zone: string, state: ZoneState, clusterSize: number): boolean {
    const rate = state === 'Normal' ? this.deps.evictionRate : state === 'PartialDisruption' && clusterSize > this.deps.largeClusterSizeThreshold ? this.deps.secondaryEvictionRate : 0
    let l = this.zoneLimiters.get(zone)
    if (l === undefined || l.rate !== rate) {
      l = { rate, bucket: rate > 0 ? new TokenBucket(rate, 1, this.deps.clock) : undefined }
      this.zoneLimiters.set(zone, l)
    }
    if (l.bucket === undefined) return false
    // a token now or not at all: the next monitor pass asks again
    const wait = l.bucket.reserve()
    if (wait > 0) { l.bucket = new TokenBucket(rate, 1, this.deps.clock); return false }
    return true
  }

  private async setTaint (node: DeepReadonly<Node>, key: string | undefined, signal?: AbortSignal): Promise<void> {
    const taints = withLifecycleTaint(node.spec?.taints ?? [], key, formatTime(this.deps.clock.now()))
    this.log.info({ node: node.metadata?.name, taint: key ?? 'none' }, 'updating NoExecute taints')
    await this.patchTaints(node, taints, signal)
  }

  /** Writes spec.taints conditioned on the version we computed them from: a conflict retries from a fresh cache. */
  private async patchTaints (node: DeepReadonly<Node>, taints: Taint[], signal?: AbortSignal): Promise<void> {
    try {
      await this.deps.client.resource<Node>(resources.nodes).patch('', node.metadata?.name ?? '', 'merge', { metadata: { uid: node.metadata?.uid, resourceVersion: node.metadata?.resourceVersion }, spec: { taints } }, { signal })
    } catch (err) { if (!isNotFound(err)) throw err }
  }

  /** Returns the node's Ready status after marking it Unknown if it went silent for the grace period. */
  private async tryUpdateHealth (node: DeepReadonly<Node>, now: number, signal?: AbortSignal): Promise<string | undefined> {
    const name = node.metadata?.name ?? ''
    const ready = readyCondition(node)
    const heartbeat = ready?.lastHeartbeatTime ?? ''
    const lease = this.deps.leaseInformer.lister().get('kube-node-lease', name)
    const leaseRenew = lease?.spec?.renewTime ?? ''
    let h = this.health.get(name)
    if (h === undefined) {
      // first sight: the grace period starts now, or at creation for a node that never posted status (upstream),
      // so a controller-manager restart does not give a silent node a fresh startup grace period
      const created = Date.parse(node.metadata?.creationTimestamp ?? '')
      h = { heartbeat, leaseRenew, probedAt: ready === undefined && !Number.isNaN(created) ? Math.min(now, created) : now, uid: node.metadata?.uid ?? '' }
      this.health.set(name, h)
      this.nodeEvent(name, h.uid, 'RegisteredNode', `Registered Node ${name} in Controller`)
    } else if (h.heartbeat !== heartbeat || h.leaseRenew !== leaseRenew) {
      h.heartbeat = heartbeat
      h.leaseRenew = leaseRenew
      h.probedAt = now
    }
    const grace = ready === undefined ? this.deps.startupGracePeriodMs : this.deps.gracePeriodMs
    if (now - h.probedAt < grace || ready?.status === 'Unknown') return ready?.status
    const stamp = formatTime(now)
    const clone = structuredClone(node) as unknown as Node
    const conditions = clone.status?.conditions ?? []
    for (const type of conditionTypes) {
      const c = conditions.find((x) => x.type === type)
      // upstream tells a condition the kubelet never posted from one it stopped posting
      if (c === undefined) conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata?.creationTimestamp, lastTransitionTime: stamp })
      else if (c.status !== 'Unknown') Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: stamp })
    }
    const next: Node = { ...clone, status: { ...clone.status, conditions } }
    try {
      await this.deps.client.resource<Node>(resources.nodes).updateStatus('', next, { signal })
    } catch (err) { if (isNotFound(err)) return undefined; throw err }
    // upstream reports the change (and unreadies the pods) only for a node that was Ready: a node that never
    // posted status, or already said NotReady, gets no NodeNotReady event
    if (ready?.status === 'True') {
      this.deps.recorder.normal(node, 'NodeNotReady', `Node ${name} status is now: NodeNotReady`)
      await this.markPodsNotReady(name, signal)
    }
    return 'Unknown'
  }

  /** Upstream RecordNodeEvent: a Normal event on the node, worded "Node <name> event: <what>". */
  private nodeEvent (name: string, uid: string, reason: string, what: string): void {
    this.deps.recorder.normal({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid } }, reason, `Node ${name} event: ${what}`)
  }

  /** Upstream MarkPodsNotReady: the pods of an unreachable node stop counting as ready endpoints. */
  private async markPodsNotReady (nodeName: string, signal?: AbortSignal): Promise<void> {
    const stamp = formatTime(this.deps.clock.now())
    const pods = this.deps.podInformer.lister().list(undefined, (p) => p.spec?.nodeName === nodeName)
    for (const p of pods) {
      const ready = p.status?.conditions?.find((c) => c.type === 'Ready')
      if (ready === undefined || ready.status === 'False') continue
      const next = structuredClone(p) as Pod
      for (const c of next.status?.conditions ?? []) {
        if (c.type === 'Ready') Object.assign(c, { status: 'False', lastTransitionTime: stamp })
      }
      try { await this.deps.client.resource<Pod>(resources.pods).updateStatus(p.metadata?.namespace ?? '', next, { signal }) } catch (err) { if (!isNotFound(err)) this.log.warn({ err, pod: p.metadata?.name }, 'could not mark pod not ready') }
    }
  }
}
