import type { Pod } from 'kubernetes-types/core/v1.js'
import { planRollingUpdate } from './rolling-update.js'
import type { NodePods } from './rolling-update.js'

const pod = (name: string, ok = true): Pod => ({ metadata: { name, annotations: { ok: String(ok) } } })
const available = (p: { metadata?: { annotations?: Readonly<Record<string, string>> } }): boolean => p.metadata?.annotations?.ok === 'true'
const names = (ps: ReadonlyArray<{ metadata?: { name?: string } }>): string[] => ps.map(p => p.metadata?.name ?? '')
const n = (node: string, updated: Pod[], old: Pod[]): NodePods => ({ node, updated, old })

describe('planRollingUpdate', () => {
  it.each<{ name: string, nodes: NodePods[], surge: number, unavailable: number, deletes: string[], surgeNodes: string[] }>([
    { name: 'deletes maxUnavailable available old pods', nodes: [n('a', [], [pod('a0')]), n('b', [], [pod('b0')]), n('c', [], [pod('c0')])], surge: 0, unavailable: 2, deletes: ['a0', 'b0'], surgeNodes: [] },
    { name: 'waits while a new pod is not yet available', nodes: [n('a', [pod('a1', false)], []), n('b', [], [pod('b0')])], surge: 0, unavailable: 1, deletes: [], surgeNodes: [] },
    { name: 'continues once the new pod is available', nodes: [n('a', [pod('a1')], []), n('b', [], [pod('b0')])], surge: 0, unavailable: 1, deletes: ['b0'], surgeNodes: [] },
    { name: 'always replaces an unavailable old pod and counts it against the budget', nodes: [n('a', [], [pod('a0', false)]), n('b', [], [pod('b0')])], surge: 0, unavailable: 1, deletes: ['a0'], surgeNodes: [] },
    { name: 'surges on up to maxSurge nodes', nodes: [n('a', [], [pod('a0')]), n('b', [], [pod('b0')]), n('c', [], [pod('c0')])], surge: 2, unavailable: 0, deletes: [], surgeNodes: ['a', 'b'] },
    { name: 'deletes the old pod once the surged one is available', nodes: [n('a', [pod('a1')], [pod('a0')]), n('b', [pod('b1', false)], [pod('b0')]), n('c', [], [pod('c0')])], surge: 2, unavailable: 0, deletes: ['a0'], surgeNodes: [] },
    { name: 'surges at once beside an unavailable old pod', nodes: [n('a', [pod('a1', false)], [pod('a0')]), n('b', [], [pod('b0', false)])], surge: 1, unavailable: 0, deletes: [], surgeNodes: ['b'] }
  ])('$name', ({ nodes, surge, unavailable, deletes, surgeNodes }) => {
    const plan = planRollingUpdate(nodes, surge, unavailable, available)
    expect({ deletes: names(plan.deletes), surgeNodes: plan.surgeNodes }).toEqual({ deletes, surgeNodes })
  })
})
