import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import type { Informer } from '@kube-ts/client'
import { unwrapTombstone } from '@kube-ts/client'
import type { SchedulerCache } from './cache/scheduler-cache.js'
import { isTerminal } from './cache/scheduler-cache.js'
import type { WaitingPods } from './framework/waiting-pods.js'
import { uidOf } from './framework/waiting-pods.js'
import type { Nominator } from './queue/nominator.js'
import type { SchedulingQueue } from './queue/scheduling-queue.js'

const assigned = (p: Pod): boolean => (p.spec?.nodeName ?? '') !== ''

/** Scheduler state beyond queue and cache that pod events keep current. */
export interface InformerExtras {
  nominator?: Nominator
  waitingPods?: WaitingPods
}

/**
 * Informer handlers (upstream eventhandlers.go): pending pods for our profiles feed the queue and the nominator,
 * assigned pods and nodes feed the cache, and changes that might free room move unschedulable pods back. A
 * pending pod deleted while parked at Permit is rejected there. Handlers never do I/O.
 */
export function wireInformers (pods: Informer<Pod>, nodes: Informer<Node>, cache: SchedulerCache, queue: SchedulingQueue, profiles: ReadonlySet<string>, extras: InformerExtras = {}): void {
  const { nominator, waitingPods } = extras
  const ours = (p: Pod): boolean => profiles.has(p.spec?.schedulerName ?? 'default-scheduler') && !isTerminal(p) && p.metadata?.deletionTimestamp === undefined
  pods.addEventHandler({
    onAdd: (o) => {
      const p = o as Pod
      if (assigned(p)) { cache.addPod(p); queue.moveAllToActiveOrBackoff('AssignedPodAdd') } else if (ours(p)) { queue.add(p); nominator?.add(p) }
    },
    onUpdate: (oldO, newO) => {
      const oldP = oldO as Pod
      const p = newO as Pod
      if (oldP.metadata?.resourceVersion === p.metadata?.resourceVersion) return
      if (assigned(p)) {
        if (!assigned(oldP)) { queue.delete(p); nominator?.delete(p) }
        cache.updatePod(p)
        if (isTerminal(p) && !isTerminal(oldP)) queue.moveAllToActiveOrBackoff('AssignedPodDelete')
        else if (assigned(oldP)) queue.moveAllToActiveOrBackoff('AssignedPodUpdate')
        else queue.moveAllToActiveOrBackoff('AssignedPodAdd')
      } else if (ours(p)) { queue.update(p); nominator?.update(oldP, p) } else { queue.delete(p); nominator?.delete(p) }
    },
    onDelete: (o) => {
      const p = unwrapTombstone(o) as Pod
      if (assigned(p)) { cache.removePod(p); queue.moveAllToActiveOrBackoff('AssignedPodDelete'); return }
      queue.delete(p)
      nominator?.delete(p)
      if (waitingPods?.reject(uidOf(p), '', 'removed') === true) queue.moveAllToActiveOrBackoff('AssignedPodDelete')
    }
  })
  nodes.addEventHandler({
    onAdd: (o) => { cache.addNode(o as Node); queue.moveAllToActiveOrBackoff('NodeAdd') },
    onUpdate: (oldO, newO) => {
      const oldN = oldO as Node
      const n = newO as Node
      cache.updateNode(n)
      if (schedulingRelevantChange(oldN, n)) queue.moveAllToActiveOrBackoff('NodeUpdate')
    },
    onDelete: (o) => { cache.removeNode((unwrapTombstone(o) as Node).metadata?.name ?? '') }
  })
}

/** Heartbeats change status every few seconds; only these fields can make a pod fit (upstream nodeSchedulingPropertiesChange). */
export function schedulingRelevantChange (a: Node, b: Node): boolean {
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y)
  return a.spec?.unschedulable !== b.spec?.unschedulable || !same(a.metadata?.labels, b.metadata?.labels) ||
    !same(a.spec?.taints, b.spec?.taints) || !same(a.status?.allocatable, b.status?.allocatable) || !same(a.status?.images, b.status?.images)
}
