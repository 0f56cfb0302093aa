import type { Pod, PodCondition } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import { FakeClock } from '@kube-ts/testing'
import { makeNode, makePod, nodeInfo, withRequests } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import { Framework, pluginsFromInstances } from '../../framework.js'
import type { Handle, NodeToStatus } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { NodeResourcesFit } from '../../plugins/noderesources/fit.js'
import { Status } from '../../status.js'
import { WaitingPod, WaitingPods } from '../../waiting-pods.js'
import { DefaultPreemption } from './default-preemption.js'

const running = (name: string, node: string, prio: number, cpu: string, labels: Record<string, string> = {}): Pod =>
  ({ ...makePod(name, { ...withRequests(cpu), priority: prio, nodeName: node }, labels), status: { phase: 'Running', startTime: '2024-01-01T00:00:00Z' } })
const preemptor = (o: Partial<Pod['status']> = {}): Pod => ({ ...makePod('p', { ...withRequests('800m'), priority: 100 }), status: o })

interface Run { result?: string, message: string, actions: string[], conditions: PodCondition[], waitingRejected: boolean }

async function preempt (nodes: NodeInfo[], pod: Pod, o: { pdbs?: PodDisruptionBudget[], nominated?: Pod[], waitingVictim?: Pod } = {}): Promise<Run> {
  const clock = new FakeClock(Date.parse('2024-06-01T00:00:00Z'))
  const actions: string[] = []
  const conditions: PodCondition[] = []
  const handle: Handle = {
    nodeInfos: () => nodes,
    nodeInfo: (n) => nodes.find(x => x.name === n),
    nominatedPodsForNode: (n) => (o.nominated ?? []).filter(p => p.status?.nominatedNodeName === n),
    listers: { podDisruptionBudgets: () => o.pdbs ?? [] }
  }
  const plugin = new DefaultPreemption(handle, {
    addCondition: async (v, c) => { actions.push(`condition ${v.metadata?.name ?? ''}`); conditions.push(c) },
    deletePod: async (v) => { actions.push(`delete ${v.metadata?.name ?? ''}`) },
    event: (v, type, reason, message) => { actions.push(`event ${v.metadata?.name ?? ''} ${type} ${reason}: ${message}`) },
    clearNomination: async (p) => { actions.push(`clear ${p.metadata?.name ?? ''}`) }
  }, clock)
  const waiting = new WaitingPods(clock)
  let waitingRejected = false
  if (o.waitingVictim !== undefined) {
    const wp = new WaitingPod(o.waitingVictim, new Map([['Gate', 60_000]]), clock)
    waiting.add(wp)
    void wp.result.then(s => { waitingRejected = s.message() === 'preempted' && s.plugin === 'DefaultPreemption' })
  }
  const fw = new Framework('default-scheduler', pluginsFromInstances([new NodeResourcesFit(), plugin]), handle, waiting, clock)
  plugin.framework = fw
  const state = new CycleState()
  fw.runPreFilter(state, pod, nodes)
  const statuses: NodeToStatus = new Map(nodes.map(n => [n.name, fw.runFilter(state, pod, n)] as [string, Status]).filter(([, s]) => !s.isSuccess()))
  const out = await plugin.postFilter(state, pod, statuses, new AbortController().signal)
  await new Promise(resolve => { setImmediate(resolve) })
  return { result: out.result?.nominatedNodeName, message: out.status.message(), actions, conditions, waitingRejected }
}

describe('DefaultPreemption.postFilter', () => {
  it('marks the victim with DisruptionTarget, deletes it, records Preempted, and nominates the node', async () => {
    const r = await preempt([nodeInfo(makeNode('n', { cpu: '1' }), running('victim', 'n', 1, '500m'))], preemptor())
    expect(r.result).toBe('n')
    expect(r.actions).toEqual(['condition victim', 'delete victim', 'event victim Normal Preempted: Preempted by pod uid-p on node n'])
    expect(r.conditions).toEqual([{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' }])
  })

  it('picks the node whose victims no PDB protects', async () => {
    const nodes = [
      nodeInfo(makeNode('guarded', { cpu: '1' }), running('db', 'guarded', 1, '500m', { app: 'db' })),
      nodeInfo(makeNode('open', { cpu: '1' }), running('batch', 'open', 5, '500m'))
    ]
    const pdb: PodDisruptionBudget = { metadata: { name: 'db', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'db' } } }, status: { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 } }
    const r = await preempt(nodes, preemptor(), { pdbs: [pdb] })
    expect(r.result).toBe('open')
    expect(r.actions.filter(a => a.startsWith('delete'))).toEqual(['delete batch'])
  })

  it('rejects a victim parked at Permit instead of deleting it', async () => {
    const victim = running('parked', 'n', 1, '500m')
    const r = await preempt([nodeInfo(makeNode('n', { cpu: '1' }), victim)], preemptor(), { waitingVictim: victim })
    expect(r.actions).toEqual(['event parked Normal Preempted: Preempted by pod uid-p on node n'])
    expect(r.waitingRejected).toBe(true)
  })

  it('takes the node away from lower-priority pods nominated there', async () => {
    const low = { ...makePod('low-nominee', { ...withRequests('100m'), priority: 1 }), status: { nominatedNodeName: 'n' } }
    const high = { ...makePod('high-nominee', { ...withRequests('100m'), priority: 500 }), status: { nominatedNodeName: 'other' } }
    const r = await preempt([nodeInfo(makeNode('n', { cpu: '1' }), running('victim', 'n', 1, '900m'))], preemptor(), { nominated: [low, high] })
    expect(r.actions.filter(a => a.startsWith('clear'))).toEqual(['clear low-nominee'])
  })

  it('waits instead of preempting again while a victim on its nominated node is still terminating', async () => {
    const terminating: Pod = { ...running('going', 'n', 1, '900m'), metadata: { name: 'going', namespace: 'default', deletionTimestamp: '2024-06-01T00:00:00Z' }, status: { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }] } }
    const r = await preempt([nodeInfo(makeNode('n', { cpu: '1' }), terminating)], preemptor({ nominatedNodeName: 'n' }))
    expect(r.result).toBeUndefined()
    expect(r.message).toBe('preemption: not eligible due to a terminating pod on the nominated node.')
    expect(r.actions).toEqual([])
  })
})
