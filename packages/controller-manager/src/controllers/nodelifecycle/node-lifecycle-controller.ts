import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import type { Lease } from 'kubernetes-types/coordination/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import { formatTime, resources, TokenBucket, waitForCacheSync } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { EventRecorder } from '../../controller-utils/events.js'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { NodeLifecycleController as controllerName } from '../names.js'
import { computeZoneState, readyCondition, wantedTaintKey, withLifecycleTaint, zoneOf } from './zone-state.js'
import type { ZoneState } from './zone-state.js'

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
  evictionRate: number
  secondaryEvictionRate: number
  largeClusterSizeThreshold: number
  unhealthyZoneThreshold: number
}

// what we last saw of a node's heartbeats, and when (our clock, so apiserver/kubelet clock skew does not matter)
interface Health { heartbeat: string, leaseRenew: string, probedAt: number }
const conditionTypes = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']

/**
 * Node health (upstream nodelifecycle controller, taint-based eviction): every monitor period, a node whose
 * status heartbeat and Lease have not moved for the grace period gets its conditions set to Unknown and its pods
 * marked not ready; NoExecute `unreachable`/`not-ready` taints follow the Ready condition, added at a per-zone
 * rate (secondary rate or none in a partially disrupted zone, none at all when every zone is fully disrupted, in
 * which case existing taints are lifted), removed immediately on recovery.
 */
export class NodeLifecycleController {
  private readonly log: Logger
  private readonly health = new Map<string, Health>()
  private readonly zoneLimiters = new Map<string, { rate: number, bucket: TokenBucket | undefined }>()

  constructor (private readonly deps: NodeLifecycleDeps) {
    this.log = deps.logger.child({ controller: controllerName })
  }

  async run (signal: AbortSignal): Promise<void> {
    this.log.info({ gracePeriodMs: this.deps.gracePeriodMs }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.nodeInformer, this.deps.leaseInformer, this.deps.podInformer)) return
    while (!signal.aborted) {
      try { await this.monitor(signal) } catch (err) { if (!signal.aborted) this.log.warn({ err }, 'node monitor pass failed') }
      await new Promise<void>((resolve) => {
        const t = this.deps.clock.setTimeout(resolve, this.deps.monitorPeriodMs)
        signal.addEventListener('abort', () => { this.deps.clock.clearTimeout(t); resolve() }, { once: true })
      })
    }
    this.log.info('controller stopped')
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
    for (const name of this.health.keys()) if (!current.has(name)) this.health.delete(name)
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
      // first sight: the grace period starts now (or at creation for a node that never posted status)
      h = { heartbeat, leaseRenew, probedAt: now }
      this.health.set(name, h)
    } else if (h.heartbeat !== heartbeat || h.leaseRenew !== leaseRenew) {
      h.heartbeat = heartbeat
      h.leaseRenew = leaseRenew
      h.probedAt = now
    }
    if (now - h.probedAt < this.deps.gracePeriodMs || ready?.status === 'Unknown') return ready?.status
    const stamp = formatTime(now)
    const clone = structuredClone(node) as unknown as Node
    const conditions = clone.status?.conditions ?? []
    const neverPosted = ready === undefined
    for (const type of conditionTypes) {
      const c = conditions.find((x) => x.type === type)
      const reason = 'NodeStatusUnknown'
      const message = neverPosted ? 'Kubelet never posted node status.' : 'Kubelet stopped posting node status.'
      if (c === undefined) conditions.push({ type, status: 'Unknown', reason, message, lastHeartbeatTime: node.metadata?.creationTimestamp, lastTransitionTime: stamp })
      else if (c.status !== 'Unknown') Object.assign(c, { status: 'Unknown', reason, message, lastTransitionTime: stamp })
    }
    const next: Node = { ...clone, status: { ...clone.status, conditions } }
    try {
      await this.deps.client.resource<Node>(resources.nodes).updateStatus('', next, { signal })
    } catch (err) { if (isNotFound(err)) return undefined; throw err }
    this.deps.recorder.normal(node, 'NodeNotReady', `Node ${name} status is now: NodeNotReady`)
    await this.markPodsNotReady(name, signal)
    return 'Unknown'
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
