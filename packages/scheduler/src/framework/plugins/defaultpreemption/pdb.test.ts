import type { Pod } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import { makePod } from '../../../testing/builders.js'
import { podInfoOf } from '../../node-info.js'
import { splitByPdbViolation, terminatingByPreemption } from './pdb.js'

const pdb = (name: string, app: string, allowed: number, o: { namespace?: string, disrupted?: string[], selector?: PodDisruptionBudget['spec'] } = {}): PodDisruptionBudget => ({
  metadata: { name, namespace: o.namespace ?? 'default' },
  spec: o.selector ?? { selector: { matchLabels: { app } } },
  status: { disruptionsAllowed: allowed, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0, disruptedPods: Object.fromEntries((o.disrupted ?? []).map(n => [n, '2024-01-01T00:00:00Z'])) }
})
const web = (name: string): Pod => makePod(name, {}, { app: 'web' })

describe('splitByPdbViolation', () => {
  it.each<{ name: string, victims: Pod[], pdbs: PodDisruptionBudget[], violating: string[] }>([
    { name: 'spends the budget in victim order and marks the victims past it', victims: [web('w1'), web('w2'), web('w3')], pdbs: [pdb('b', 'web', 1)], violating: ['w2', 'w3'] },
    { name: 'marks every matching victim when no disruption is allowed', victims: [web('w1'), web('w2')], pdbs: [pdb('b', 'web', 0)], violating: ['w1', 'w2'] },
    { name: 'ignores PDBs of other namespaces', victims: [web('w1')], pdbs: [pdb('b', 'web', 0, { namespace: 'other' })], violating: [] },
    { name: 'ignores PDBs whose selector does not match', victims: [web('w1')], pdbs: [pdb('b', 'db', 0)], violating: [] },
    { name: 'lets a PDB with an empty selector match nothing', victims: [web('w1')], pdbs: [pdb('b', '', 0, { selector: { selector: {} } })], violating: [] },
    { name: 'never matches a victim without labels', victims: [makePod('bare')], pdbs: [pdb('b', '', 0, { selector: { selector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] } } })], violating: [] },
    { name: 'does not spend budget on pods already in disruptedPods', victims: [web('w1'), web('w2')], pdbs: [pdb('b', 'web', 1, { disrupted: ['w1'] })], violating: [] }
  ])('$name', ({ victims, pdbs, violating }) => {
    const out = splitByPdbViolation(victims.map(podInfoOf), pdbs)
    expect(out.violating.map(i => i.pod.metadata?.name)).toEqual(violating)
    expect(out.violating.length + out.nonViolating.length).toBe(victims.length)
  })
})

describe('terminatingByPreemption', () => {
  const cond = { type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }
  it.each<{ name: string, pod: Pod, want: boolean }>([
    { name: 'is true for a deleting pod the scheduler marked', pod: { ...makePod('v'), metadata: { name: 'v', deletionTimestamp: '2024-01-01T00:00:00Z' }, status: { conditions: [cond] } }, want: true },
    { name: 'is false for a deleting pod without the condition', pod: { ...makePod('v'), metadata: { name: 'v', deletionTimestamp: '2024-01-01T00:00:00Z' } }, want: false },
    { name: 'is false for a marked pod not yet deleting', pod: { ...makePod('v'), status: { conditions: [cond] } }, want: false }
  ])('$name', ({ pod, want }) => { expect(terminatingByPreemption(pod)).toBe(want) })
})
