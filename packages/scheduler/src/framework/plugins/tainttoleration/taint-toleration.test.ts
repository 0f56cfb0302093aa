import type { Taint, Toleration } from 'kubernetes-types/core/v1.js'
import { makeNode, makePod, nodeInfo } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import { Code } from '../../status.js'
import { TaintToleration } from './taint-toleration.js'

const t = (key: string, value: string | undefined, effect: string): Taint => ({ key, value, effect })

describe('TaintToleration filter', () => {
  it.each<{ name: string, taints: Taint[], tolerations: Toleration[], want: Code, reasons?: string[] }>([
    { name: 'passes a node without taints', taints: [], tolerations: [], want: Code.Success },
    { name: 'rejects an untolerated NoSchedule taint with the upstream message', taints: [t('dedicated', 'gpu', 'NoSchedule')], tolerations: [], want: Code.UnschedulableAndUnresolvable, reasons: ['node(s) had untolerated taint {dedicated: gpu}'] },
    { name: 'rejects an untolerated NoExecute taint', taints: [t('k', 'v', 'NoExecute')], tolerations: [], want: Code.UnschedulableAndUnresolvable, reasons: ['node(s) had untolerated taint {k: v}'] },
    { name: 'ignores PreferNoSchedule taints', taints: [t('k', 'v', 'PreferNoSchedule')], tolerations: [], want: Code.Success },
    { name: 'passes with an Equal toleration of the same value', taints: [t('k', 'v', 'NoSchedule')], tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }], want: Code.Success },
    { name: 'rejects an Equal toleration with another value', taints: [t('k', 'v', 'NoSchedule')], tolerations: [{ key: 'k', value: 'w' }], want: Code.UnschedulableAndUnresolvable, reasons: ['node(s) had untolerated taint {k: v}'] },
    { name: 'passes with an Exists toleration without a key (tolerates everything)', taints: [t('a', 'b', 'NoSchedule'), t('c', '', 'NoExecute')], tolerations: [{ operator: 'Exists' }], want: Code.Success },
    { name: 'rejects when the toleration effect differs', taints: [t('k', 'v', 'NoExecute')], tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }], want: Code.UnschedulableAndUnresolvable, reasons: ['node(s) had untolerated taint {k: v}'] }
  ])('$name', ({ taints, tolerations, want, reasons }) => {
    const s = new TaintToleration().filter(new CycleState(), makePod('p', { tolerations }), nodeInfo(makeNode('n', { taints })))
    expect(s.code).toBe(want)
    if (reasons !== undefined) expect(s.reasons).toEqual(reasons)
  })
})

describe('TaintToleration score', () => {
  it('prefers nodes with fewer intolerable PreferNoSchedule taints', () => {
    const plugin = new TaintToleration()
    const pod = makePod('p', { tolerations: [{ key: 'ok', operator: 'Exists', effect: 'PreferNoSchedule' }] })
    const nodes = [
      nodeInfo(makeNode('clean')),
      nodeInfo(makeNode('one', { taints: [t('a', '', 'PreferNoSchedule')] })),
      nodeInfo(makeNode('two', { taints: [t('a', '', 'PreferNoSchedule'), t('b', '', 'PreferNoSchedule')] })),
      nodeInfo(makeNode('tolerated', { taints: [t('ok', '', 'PreferNoSchedule')] }))
    ]
    const scores = nodes.map(n => ({ name: n.name, score: plugin.score(new CycleState(), pod, n) }))
    plugin.normalizeScore(new CycleState(), pod, scores)
    expect(scores).toEqual([{ name: 'clean', score: 100 }, { name: 'one', score: 50 }, { name: 'two', score: 0 }, { name: 'tolerated', score: 100 }])
  })
})
