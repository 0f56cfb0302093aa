import type { Pod } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import { makeNode, makePod, nodeInfo, withRequests } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import { Framework, pluginsFromInstances } from '../../framework.js'
import { NodeResourcesFit } from '../../plugins/noderesources/fit.js'
import { Status } from '../../status.js'
import { pickOneNodeForPreemption, selectVictimsOnNode } from './candidates.js'
import type { Candidate } from './candidates.js'

const NOW = Date.parse('2024-06-01T00:00:00Z')
const running = (name: string, prio: number, cpu: string, o: { started?: string, labels?: Record<string, string> } = {}): Pod =>
  ({ ...makePod(name, { ...withRequests(cpu), priority: prio, nodeName: 'n' }, o.labels ?? {}), status: { phase: 'Running', startTime: o.started ?? '2024-01-01T00:00:00Z' } })
const budget = (app: string, allowed: number): PodDisruptionBudget =>
  ({ metadata: { name: `pdb-${app}`, namespace: 'default' }, spec: { selector: { matchLabels: { app } } }, status: { disruptionsAllowed: allowed, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } })

describe('selectVictimsOnNode', () => {
  it.each<{ name: string, pods: Pod[], preemptor: Pod, pdbs?: PodDisruptionBudget[], want: { victims: string[], numPdbViolations: number } | string }>([
    { name: 'evicts only the lowest-priority pod that makes room', pods: [running('low', 1, '500m'), running('mid', 5, '500m')], preemptor: makePod('p', { ...withRequests('500m'), priority: 10 }), want: { victims: ['low'], numPdbViolations: 0 } },
    { name: 'reprieves a PDB-protected victim first and takes an unprotected one instead', pods: [running('guarded', 1, '500m', { labels: { app: 'db' } }), running('free', 1, '500m')], preemptor: makePod('p', { ...withRequests('500m'), priority: 10 }), pdbs: [budget('db', 0)], want: { victims: ['free'], numPdbViolations: 0 } },
    { name: 'counts a PDB violation when the protected pod must go anyway', pods: [running('guarded', 1, '500m', { labels: { app: 'db' } }), running('free', 1, '500m')], preemptor: makePod('p', { ...withRequests('1'), priority: 10 }), pdbs: [budget('db', 0)], want: { victims: ['guarded', 'free'], numPdbViolations: 1 } },
    { name: 'reprieves the older of two equal-priority pods first', pods: [running('old', 1, '500m', { started: '2023-01-01T00:00:00Z' }), running('young', 1, '500m', { started: '2024-05-01T00:00:00Z' })], preemptor: makePod('p', { ...withRequests('500m'), priority: 10 }), want: { victims: ['young'], numPdbViolations: 0 } },
    { name: 'reports no victims when nothing has lower priority', pods: [running('high', 20, '1')], preemptor: makePod('p', { ...withRequests('500m'), priority: 10 }), want: 'No preemption victims found for incoming pod' },
    { name: 'reports the filter reason when even an emptied node is too small', pods: [running('low', 1, '500m')], preemptor: makePod('p', { ...withRequests('2'), priority: 10 }), want: 'Insufficient cpu' }
  ])('$name', ({ pods, preemptor, pdbs, want }) => {
    const node = nodeInfo(makeNode('n', { cpu: '1' }), ...pods)
    const fw = new Framework('default-scheduler', pluginsFromInstances([new NodeResourcesFit()]))
    const state = new CycleState()
    fw.runPreFilter(state, preemptor, [node])
    const r = selectVictimsOnNode(fw, state, preemptor, node, pdbs ?? [], NOW)
    if (typeof want === 'string') expect(r instanceof Status ? r.message() : r).toBe(want)
    else expect(r instanceof Status ? r.message() : { victims: r.victims.map(v => v.metadata?.name), numPdbViolations: r.numPdbViolations }).toEqual(want)
    expect(node.pods.size).toBe(pods.length)
  })
})

describe('pickOneNodeForPreemption', () => {
  const v = (prio: number, started = '2024-01-01T00:00:00Z'): Pod => ({ ...makePod(`v${prio}`, { priority: prio }), status: { startTime: started } })
  const cand = (node: string, victims: Pod[], numPdbViolations = 0): Candidate => ({ node, victims, numPdbViolations })
  it.each<{ name: string, cands: Candidate[], want: string }>([
    { name: 'prefers fewer PDB violations over lower victim priority', cands: [cand('a', [v(1)], 1), cand('b', [v(5)], 0)], want: 'b' },
    { name: 'then the lowest highest-victim priority', cands: [cand('a', [v(5)]), cand('b', [v(3), v(1)])], want: 'b' },
    { name: 'then the smallest priority sum', cands: [cand('a', [v(5), v(4)]), cand('b', [v(5), v(1)])], want: 'b' },
    { name: 'counts negative priorities in the sum by shifting them (more victims sum higher)', cands: [cand('a', [v(-5), v(-5)]), cand('b', [v(-5)])], want: 'b' },
    { name: 'then the fewest victims', cands: [cand('a', [v(5), v(0), v(0)]), cand('b', [v(5), v(0)])], want: 'b' },
    { name: 'then the latest start among the highest-priority victims', cands: [cand('a', [v(5, '2024-01-01T00:00:00Z')]), cand('b', [v(5, '2024-03-01T00:00:00Z')])], want: 'b' },
    { name: 'then the first candidate', cands: [cand('a', [v(5)]), cand('b', [v(5)])], want: 'a' }
  ])('$name', ({ cands, want }) => {
    expect(pickOneNodeForPreemption(cands, NOW)?.node).toBe(want)
  })

  it('returns undefined without candidates', () => { expect(pickOneNodeForPreemption([], NOW)).toBeUndefined() })
})
