import type { Pod } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { Quantity } from '@kube-ts/api'

type RPod = DeepReadonly<Pod>

/** Pods that count against quota: not finished (upstream QuotaV1Pod). */
export const podCountsForQuota = (p: RPod): boolean => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'

/** The compute resource names quota understands, mapped to (requests|limits, resource). */
const computeKeys: Record<string, ['requests' | 'limits', string]> = {
  cpu: ['requests', 'cpu'],
  memory: ['requests', 'memory'],
  'requests.cpu': ['requests', 'cpu'],
  'requests.memory': ['requests', 'memory'],
  'requests.ephemeral-storage': ['requests', 'ephemeral-storage'],
  'limits.cpu': ['limits', 'cpu'],
  'limits.memory': ['limits', 'memory'],
  'limits.ephemeral-storage': ['limits', 'ephemeral-storage']
}

export const isComputeKey = (k: string): boolean => k in computeKeys

/**
 * A pod's effective request or limit for one resource (upstream PodRequests): the sum over app containers,
 * or the largest init container when that is bigger, plus pod overhead. Undefined when nothing sets it.
 */
export function podAmount (pod: RPod, key: string): Quantity | undefined {
  const pair = computeKeys[key]
  if (pair === undefined) return undefined
  const [kind, res] = pair
  let sum: Quantity | undefined
  for (const c of pod.spec?.containers ?? []) {
    const v = c.resources?.[kind]?.[res]
    if (v !== undefined) sum = (sum ?? Quantity.zero()).add(Quantity.from(v))
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const v = c.resources?.[kind]?.[res]
    if (v !== undefined && (sum === undefined || Quantity.from(v).cmp(sum) > 0)) sum = Quantity.from(v)
  }
  const overhead = pod.spec?.overhead?.[res]
  if (overhead !== undefined && sum !== undefined) sum = sum.add(Quantity.from(overhead))
  return sum
}

/** Sum of one compute key over the pods that count. */
export function computeUsage (pods: readonly RPod[], key: string): Quantity {
  let total = Quantity.zero()
  for (const p of pods) {
    if (!podCountsForQuota(p)) continue
    const v = podAmount(p, key)
    if (v !== undefined) total = total.add(v)
  }
  return total
}

/**
 * The resource a count key counts: `pods`, `services`, ... as legacy names, `count/<resource>[.<group>]` in general.
 * Returns [group, resource] or undefined for keys that are not object counts.
 */
export function countTarget (key: string): [string, string] | undefined {
  const legacy: Record<string, string> = { pods: 'pods', services: 'services', replicationcontrollers: 'replicationcontrollers', resourcequotas: 'resourcequotas', secrets: 'secrets', configmaps: 'configmaps', persistentvolumeclaims: 'persistentvolumeclaims' }
  const l = legacy[key]
  if (l !== undefined) return ['', l]
  if (!key.startsWith('count/')) return undefined
  const rest = key.slice('count/'.length)
  const dot = rest.indexOf('.')
  return dot < 0 ? ['', rest] : [rest.slice(dot + 1), rest.slice(0, dot)]
}
