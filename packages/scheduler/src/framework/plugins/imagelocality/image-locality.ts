import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import { MAX_NODE_SCORE } from '../../interface.js'
import type { Handle, ScorePlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import * as names from '../names.js'

const MB = 1024 * 1024
// upstream thresholds: below 23 MB per container scores 0, above 1000 MB per container scores max
export const MIN_THRESHOLD = 23 * MB
export const MAX_CONTAINER_THRESHOLD = 1000 * MB

/** `nginx` and `docker.io/library/nginx:latest` name the same image. */
export function normalizedImageName (name: string): string {
  const lastSlash = name.lastIndexOf('/')
  const hasTag = name.lastIndexOf(':') > lastSlash || name.includes('@')
  return hasTag ? name : `${name}:latest`
}

/** Scales the summed size (each image weighted by the share of nodes that have it) into [0, 100]. */
export function calculatePriority (sumScores: number, numContainers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * numContainers
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), max)
  return Math.floor(MAX_NODE_SCORE * (s - MIN_THRESHOLD) / (max - MIN_THRESHOLD))
}

function imagesOn (node: NodeInfo): Map<string, number> {
  const out = new Map<string, number>()
  for (const img of node.node.status?.images ?? []) {
    for (const n of img.names ?? []) out.set(normalizedImageName(n), img.sizeBytes ?? 0)
  }
  return out
}

/** Prefers nodes that already have the pod's images, weighted by how spread those images are. */
export class ImageLocality implements ScorePlugin {
  static readonly pluginName = names.ImageLocality
  constructor (private readonly handle: Handle) {}
  name (): string { return ImageLocality.pluginName }

  score (_s: CycleState, pod: Pod, node: NodeInfo): number {
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
    const here = imagesOn(node)
    if (here.size === 0 || containers.length === 0) return 0
    const all = this.handle.nodeInfos()
    let sum = 0
    for (const c of containers) {
      const img = normalizedImageName(c.image ?? '')
      const size = here.get(img)
      if (size === undefined) continue
      const spread = all.filter(n => imagesOn(n).has(img)).length / Math.max(1, all.length)
      sum += size * spread
    }
    return calculatePriority(sum, containers.length)
  }
}
