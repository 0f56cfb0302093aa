import { MAX_NODE_SCORE } from '../../interface.js'
import type { NodeScore } from '../../interface.js'

/** Upstream helper.DefaultNormalizeScore: scale to [0, 100] by the max; `reverse` flips so fewer is better. */
export function defaultNormalizeScore (scores: NodeScore[], reverse: boolean): void {
  let max = 0
  for (const s of scores) max = Math.max(max, s.score)
  if (max === 0) {
    if (reverse) for (const s of scores) s.score = MAX_NODE_SCORE
    return
  }
  for (const s of scores) {
    let v = Math.floor(MAX_NODE_SCORE * s.score / max)
    if (reverse) v = MAX_NODE_SCORE - v
    s.score = v
  }
}
