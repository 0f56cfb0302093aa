import type { KubeObject } from '../meta/object.js'
import { podRowConditions, podSummary, readinessGatesCell } from './pod-cells.js'

const now = new Date('2026-01-10T12:00:00Z')

interface PodOpts {
  containers?: number
  init?: Array<Record<string, unknown>>
  phase?: string
  reason?: string
  statuses?: Array<Record<string, unknown>>
  initStatuses?: Array<Record<string, unknown>>
  conditions?: Array<Record<string, unknown>>
  deleting?: boolean
}

function newPod (o: PodOpts = {}): KubeObject {
  const containers = Array.from({ length: o.containers ?? 1 }, (_, i) => ({ name: `c${i}`, image: 'x' }))
  return {
    metadata: { name: 'p', ...(o.deleting === true ? { deletionTimestamp: '2026-01-10T11:59:00Z' } : {}) },
    spec: { containers, ...(o.init !== undefined ? { initContainers: o.init } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.reason !== undefined ? { reason: o.reason } : {}),
      ...(o.statuses !== undefined ? { containerStatuses: o.statuses } : {}),
      ...(o.initStatuses !== undefined ? { initContainerStatuses: o.initStatuses } : {}),
      ...(o.conditions !== undefined ? { conditions: o.conditions } : {})
    }
  }
}

const running = (name = 'c0', extra: Record<string, unknown> = {}) => ({ name, ready: true, restartCount: 0, state: { running: { startedAt: '2026-01-10T11:00:00Z' } }, ...extra })
const waiting = (reason: string, extra: Record<string, unknown> = {}) => ({ name: 'c0', ready: false, restartCount: 0, state: { waiting: { reason } }, ...extra })
const terminated = (reason: string, exitCode: number, name = 'c0') => ({ name, ready: false, restartCount: 0, state: { terminated: { reason, exitCode } } })

describe('podSummary', () => {
  it.each([
    { name: 'a pending pod without statuses is 0/1 Pending', pod: newPod({ phase: 'Pending' }), want: { ready: '0/1', status: 'Pending', restarts: '0' } },
    { name: 'a running ready container is 1/1 Running', pod: newPod({ statuses: [running()] }), want: { ready: '1/1', status: 'Running', restarts: '0' } },
    { name: 'two containers with one ready are 1/2', pod: newPod({ containers: 2, statuses: [running('c0'), waiting('ContainerCreating', { name: 'c1' })] }), want: { ready: '1/2', status: 'ContainerCreating', restarts: '0' } },
    {
      name: 'a crash-looping container shows CrashLoopBackOff with its last restart age',
      pod: newPod({ statuses: [waiting('CrashLoopBackOff', { restartCount: 5, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-10T11:55:00Z' } } })] }),
      want: { ready: '0/1', status: 'CrashLoopBackOff', restarts: '5 (5m ago)' }
    },
    { name: 'a succeeded job pod is Completed', pod: newPod({ phase: 'Succeeded', statuses: [terminated('Completed', 0)] }), want: { ready: '0/1', status: 'Completed', restarts: '0' } },
    { name: 'a terminated container without reason shows its exit code', pod: newPod({ phase: 'Failed', statuses: [terminated('', 3)] }), want: { ready: '0/1', status: 'ExitCode:3', restarts: '0' } },
    { name: 'a pod being deleted is Terminating', pod: newPod({ deleting: true, statuses: [running()] }), want: { ready: '1/1', status: 'Terminating', restarts: '0' } },
    { name: 'a completed pod being deleted keeps its status', pod: newPod({ deleting: true, phase: 'Succeeded', statuses: [terminated('Completed', 0)] }), want: { ready: '0/1', status: 'Completed', restarts: '0' } },
    { name: 'a pod on a lost node being deleted is Unknown', pod: newPod({ deleting: true, reason: 'NodeLost', statuses: [running()] }), want: { ready: '1/1', status: 'Unknown', restarts: '0' } },
    { name: 'an evicted pod shows the pod reason', pod: newPod({ phase: 'Failed', reason: 'Evicted' }), want: { ready: '0/1', status: 'Evicted', restarts: '0' } },
    {
      name: 'the first of two running init containers gives Init:0/2',
      pod: newPod({ phase: 'Pending', init: [{ name: 'i0' }, { name: 'i1' }], initStatuses: [running('i0', { ready: false }), waiting('PodInitializing', { name: 'i1' })] }),
      want: { ready: '0/1', status: 'Init:0/2', restarts: '0' }
    },
    {
      name: 'a failing init container shows Init:Error',
      pod: newPod({ phase: 'Pending', init: [{ name: 'i0' }], initStatuses: [terminated('Error', 1, 'i0')] }),
      want: { ready: '0/1', status: 'Init:Error', restarts: '0' }
    },
    {
      name: 'an init container in back-off shows Init:CrashLoopBackOff',
      pod: newPod({ phase: 'Pending', init: [{ name: 'i0' }], initStatuses: [waiting('CrashLoopBackOff', { name: 'i0', restartCount: 2 })] }),
      want: { ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '2' }
    },
    {
      name: 'a started ready sidecar counts towards ready and total',
      pod: newPod({ init: [{ name: 's', restartPolicy: 'Always' }], initStatuses: [running('s', { started: true })], statuses: [running()] }),
      want: { ready: '2/2', status: 'Running', restarts: '0' }
    },
    { name: 'a scheduling-gated pod says so', pod: newPod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), want: { ready: '0/1', status: 'SchedulingGated', restarts: '0' } },
    {
      name: 'a completed container beside a running one reads Running when the pod is ready',
      pod: newPod({ containers: 2, conditions: [{ type: 'Ready', status: 'True' }], statuses: [terminated('Completed', 0, 'c0'), running('c1')] }),
      want: { ready: '1/2', status: 'Running', restarts: '0' }
    },
    {
      name: 'a completed container beside a running one reads NotReady otherwise',
      pod: newPod({ containers: 2, statuses: [terminated('Completed', 0, 'c0'), running('c1')] }),
      want: { ready: '1/2', status: 'NotReady', restarts: '0' }
    }
  ])('$name', ({ pod, want }) => {
    expect(podSummary(pod, now)).toEqual(want)
  })
})

describe('pod row extras', () => {
  it('marks succeeded and failed pods with a Completed row condition', () => {
    expect(podRowConditions(newPod({ phase: 'Succeeded' }))).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }])
    expect(podRowConditions(newPod({ phase: 'Failed' }))[0]?.reason).toBe('Failed')
    expect(podRowConditions(newPod())).toEqual([])
  })

  it('counts readiness gates by their first matching condition', () => {
    const pod = newPod({ conditions: [{ type: 'g1', status: 'True' }, { type: 'g2', status: 'False' }] })
    expect(readinessGatesCell(pod)).toBe('<none>')
    ;(pod.spec as Record<string, unknown>).readinessGates = [{ conditionType: 'g1' }, { conditionType: 'g2' }]
    expect(readinessGatesCell(pod)).toBe('1/2')
  })
})
