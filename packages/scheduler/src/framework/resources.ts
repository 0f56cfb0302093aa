import type { Container, Pod } from 'kubernetes-types/core/v1.js'
import { Quantity } from '@kube-ts/api'

/** Requested amounts in scheduler units: milli-CPU, bytes, and raw integers for everything else. */
export interface Resources {
  milliCpu: number
  memory: number
  ephemeralStorage: number
  pods: number
  /** Extended resources (`nvidia.com/gpu`, `hugepages-2Mi`, ...) by name. */
  scalar: Record<string, number>
}

// upstream schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: used only for scoring pods with no requests
export const DEFAULT_MILLI_CPU_REQUEST = 100
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

export function emptyResources (): Resources {
  return { milliCpu: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: {} }
}

/** Parses a ResourceList (`{cpu: '500m', memory: '1Gi'}`) into scheduler units; bad quantities count as zero. */
export function resourcesFromList (list: Record<string, unknown> | undefined): Resources {
  const r = emptyResources()
  if (list === undefined) return r
  for (const [name, raw] of Object.entries(list)) {
    let q: Quantity
    try { q = Quantity.from(raw) } catch { continue }
    switch (name) {
      case 'cpu': r.milliCpu = q.milliValue(); break
      case 'memory': r.memory = q.value(); break
      case 'ephemeral-storage': r.ephemeralStorage = q.value(); break
      case 'pods': r.pods = q.value(); break
      default: r.scalar[name] = q.value()
    }
  }
  return r
}

export function addResources (into: Resources, r: Resources, sign = 1): void {
  into.milliCpu += sign * r.milliCpu
  into.memory += sign * r.memory
  into.ephemeralStorage += sign * r.ephemeralStorage
  into.pods += sign * r.pods
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + sign * v
}

function maxResources (a: Resources, b: Resources): Resources {
  const out: Resources = {
    milliCpu: Math.max(a.milliCpu, b.milliCpu),
    memory: Math.max(a.memory, b.memory),
    ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage),
    pods: Math.max(a.pods, b.pods),
    scalar: { ...a.scalar }
  }
  for (const [k, v] of Object.entries(b.scalar)) out.scalar[k] = Math.max(out.scalar[k] ?? 0, v)
  return out
}

function containerRequests (c: Container, nonZero: boolean): Resources {
  const r = resourcesFromList(c.resources?.requests as Record<string, unknown> | undefined)
  if (nonZero) {
    const req = c.resources?.requests ?? {}
    if (req.cpu === undefined) r.milliCpu = DEFAULT_MILLI_CPU_REQUEST
    if (req.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST
  }
  return r
}

/**
 * Effective pod requests as upstream resourcehelper.PodRequests: the sum over app containers (plus restartable
 * init containers, i.e. sidecars), the max with each regular init container (plus the sidecars started before
 * it), plus `spec.overhead`. `nonZero` substitutes the scoring defaults for missing cpu/memory requests.
 */
export function podRequests (pod: Pod, nonZero = false): Resources {
  // informer objects are never mutated, so the parse (Quantity math) is done once per pod object and mode
  const memo = nonZero ? nonZeroMemo : plainMemo
  let r = memo.get(pod)
  if (r === undefined) {
    r = computePodRequests(pod, nonZero)
    memo.set(pod, r)
  }
  return r
}

const plainMemo = new WeakMap<Pod, Resources>()
const nonZeroMemo = new WeakMap<Pod, Resources>()

function computePodRequests (pod: Pod, nonZero: boolean): Resources {
  const sum = emptyResources()
  for (const c of pod.spec?.containers ?? []) addResources(sum, containerRequests(c, nonZero))
  let initMax = emptyResources()
  const sidecars = emptyResources()
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c, nonZero)
    if (c.restartPolicy === 'Always') {
      addResources(sum, r)
      addResources(sidecars, r)
      initMax = maxResources(initMax, sidecars)
    } else {
      const withSidecars = emptyResources()
      addResources(withSidecars, sidecars)
      addResources(withSidecars, r)
      initMax = maxResources(initMax, withSidecars)
    }
  }
  const out = maxResources(sum, initMax)
  addResources(out, resourcesFromList(pod.spec?.overhead as Record<string, unknown> | undefined))
  return out
}
