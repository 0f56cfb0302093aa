import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import { MAX_NODE_SCORE } from '../../interface.js'
import type { Handle, PreScorePlugin, ScorePlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { Status } from '../../status.js'
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

// node images, normalized, computed once per Node object (nodes are replaced, never mutated)
const imageMemo = new WeakMap<object, Map<string, number>>()

function imagesOn (node: NodeInfo): Map<string, number> {
  let out = imageMemo.get(node.node)
  if (out === undefined) {
    out = new Map<string, number>()
    for (const img of node.node.status?.images ?? []) {
      for (const n of img.names ?? []) out.set(normalizedImageName(n), img.sizeBytes ?? 0)
    }
    imageMemo.set(node.node, out)
  }
  return out
}

const STATE_KEY = 'PreScore' + names.ImageLocality

interface ImageState { images: string[], spread: Map<string, number>, containers: number }

/** Prefers nodes that already have the pod's images, weighted by the share of nodes that have each image. */
export class ImageLocality implements PreScorePlugin, ScorePlugin {
  static readonly pluginName = names.ImageLocality
  constructor (private readonly handle: Handle) {}
  name (): string { return ImageLocality.pluginName }

  preScore (state: CycleState, pod: Pod): Status {
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
    const images = containers.map(c => normalizedImageName(c.image ?? ''))
    const all = this.handle.nodeInfos()
    const spread = new Map<string, number>()
    for (const img of new Set(images)) {
      let have = 0
      if (this.handle.imageNumNodes !== undefined) have = this.handle.imageNumNodes(img)
      else for (const n of all) if (imagesOn(n).has(img)) have++
      spread.set(img, have / Math.max(1, all.length))
    }
    // no node has any of the images: every score would be 0, so skip scoring entirely
    if (![...spread.values()].some(v => v > 0)) return Status.skip()
    state.write(STATE_KEY, { images, spread, containers: containers.length } satisfies ImageState)
    return Status.success()
  }

  score (state: CycleState, pod: Pod, node: NodeInfo): number {
    const here = imagesOn(node)
    if (here.size === 0) return 0
    let st = state.read<ImageState>(STATE_KEY)
    if (st === undefined) {
      if (this.preScore(state, pod).isSkip()) return 0
      st = state.read<ImageState>(STATE_KEY) as ImageState
    }
    if (st.containers === 0) return 0
    let sum = 0
    for (const img of st.images) {
      const size = here.get(img)
      if (size !== undefined) sum += size * (st.spread.get(img) ?? 0)
    }
    return calculatePriority(sum, st.containers)
  }
}
