import type { Pod, PodCondition } from 'kubernetes-types/core/v1.js'
import { noopLogger } from '@kube-ts/client'
import { FakeClock } from '@kube-ts/testing'
import { SchedulerCache } from './cache/scheduler-cache.js'
import type { Profile } from './config/types.js'
import { buildFramework } from './framework/build-framework.js'
import type { Handle, PermitPlugin } from './framework/interface.js'
import { podKey } from './framework/node-info.js'
import { inTreeRegistry } from './framework/registry.js'
import type { PluginFactory } from './framework/registry.js'
import { Code, Status } from './framework/status.js'
import { WaitingPods } from './framework/waiting-pods.js'
import { Nominator } from './queue/nominator.js'
import { SchedulingQueue } from './queue/scheduling-queue.js'
import { Scheduler } from './scheduler.js'
import { makeNode, makePod, withRequests } from './testing/builders.js'
import type { NodeOpts } from './testing/builders.js'

interface Fixture {
  scheduler: Scheduler
  cache: SchedulerCache
  queue: SchedulingQueue
  clock: FakeClock
  binds: Array<{ pod: string, node: string }>
  events: Array<{ pod: string, type: string, reason: string, message: string }>
  conditions: Array<{ pod: string, condition: PodCondition, nominated?: string }>
  evicted: string[]
  failBinds: number
  nominator: Nominator
  waitingPods: WaitingPods
  handle: Handle
}

interface FixtureOpts { profile?: Profile, registry?: ReadonlyMap<string, PluginFactory> }

function fixture (nodes: Array<[string, NodeOpts]>, existing: Pod[] = [], o: FixtureOpts = {}): Fixture {
  const clock = new FakeClock(1_000_000)
  const cache = new SchedulerCache()
  for (const [name, o] of nodes) cache.addNode(makeNode(name, o))
  for (const p of existing) cache.addPod(p)
  const queue = new SchedulingQueue({ clock })
  const live = new Map<string, Pod>()
  const nominator = new Nominator()
  const waitingPods = new WaitingPods(clock)
  const handle: Handle = {
    nodeInfos: () => cache.nodeInfos(),
    nodeInfo: (n) => cache.nodeInfo(n),
    imageNumNodes: (i) => cache.imageNumNodes(i),
    nodesWithRequiredAntiAffinity: () => cache.nodesWithRequiredAntiAffinity(),
    nominatedPodsForNode: (n) => nominator.nominatedPodsForNode(n)
  }
  const f: Fixture = { binds: [], events: [], conditions: [], evicted: [], failBinds: 0, cache, queue, clock, nominator, waitingPods, handle } as unknown as Fixture
  const fw = buildFramework(o.profile ?? { schedulerName: 'default-scheduler' }, {
    handle,
    waitingPods,
    clock,
    bind: async (pod, node) => {
      if (f.failBinds > 0) { f.failBinds--; throw new Error('Operation cannot be fulfilled: conflict') }
      f.binds.push({ pod: pod.metadata?.name ?? '', node })
    },
    preemption: {
      addCondition: async () => {},
      deletePod: async (victim) => { f.evicted.push(victim.metadata?.name ?? ''); cache.removePod(victim) },
      event: (victim, type, reason, message) => { f.events.push({ pod: victim.metadata?.name ?? '', type, reason, message }) },
      clearNomination: async () => {}
    }
  }, o.registry ?? inTreeRegistry)
  f.scheduler = new Scheduler({
    queue,
    cache,
    frameworks: new Map([['default-scheduler', fw]]),
    percentageOfNodesToScore: 0,
    clock,
    nominator,
    logger: noopLogger,
    api: {
      currentPod: (p) => live.get(podKey(p)) ?? p,
      event: (p, type, reason, message) => { f.events.push({ pod: p.metadata?.name ?? '', type, reason, message }) },
      updatePodScheduledCondition: async (p, condition, nominated) => { f.conditions.push({ pod: p.metadata?.name ?? '', condition, nominated }) }
    }
  })
  return f
}

async function scheduleNext (f: Fixture): Promise<void> {
  const info = await f.queue.pop()
  if (info === undefined) throw new Error('queue empty')
  await f.scheduler.scheduleOne(info, new AbortController().signal)
  await f.scheduler.idle()
}

describe('Scheduler.scheduleOne', () => {
  it('binds a pod to the node with room, counts it there, and records a Scheduled event', async () => {
    const f = fixture([['small', { cpu: '1' }], ['big', { cpu: '8' }]])
    f.queue.add(makePod('p', withRequests('2')))
    await scheduleNext(f)
    expect(f.binds).toEqual([{ pod: 'p', node: 'big' }])
    expect(f.cache.nodeInfo('big')?.requested.milliCpu).toBe(2000)
    expect(f.events).toEqual([{ pod: 'p', type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/p to big' }])
  })

  it('counts an assumed pod before its bind lands, so the next pod goes elsewhere', async () => {
    const f = fixture([['a', { cpu: '1' }], ['b', { cpu: '1' }]])
    f.queue.add(makePod('p1', withRequests('800m')))
    f.queue.add(makePod('p2', withRequests('800m')))
    await scheduleNext(f)
    await scheduleNext(f)
    expect(new Set(f.binds.map(b => b.node))).toEqual(new Set(['a', 'b']))
  })

  it('forgets the assumption and backs off when the bind fails', async () => {
    const f = fixture([['only', { cpu: '1' }]])
    f.failBinds = 1
    f.queue.add(makePod('p', withRequests('500m')))
    await scheduleNext(f)
    expect(f.binds).toEqual([])
    expect(f.cache.nodeInfo('only')?.requested.milliCpu).toBe(0)
    expect(f.queue.lengths()).toEqual({ active: 0, backoff: 1, unschedulable: 0 })
    expect(f.events[0]).toMatchObject({ type: 'Warning', reason: 'FailedScheduling', message: 'Binding rejected: Operation cannot be fulfilled: conflict' })
    f.clock.step(1000)
    f.queue.flushBackoffCompleted()
    await scheduleNext(f)
    expect(f.binds).toEqual([{ pod: 'p', node: 'only' }])
  })

  it('parks an unschedulable pod with an upstream-shaped condition and event', async () => {
    const f = fixture([
      ['master', { taints: [{ key: 'node-role', value: 'master', effect: 'NoSchedule' }] }],
      ['w1', { cpu: '1' }],
      ['w2', { cpu: '1' }]
    ])
    f.queue.add(makePod('p', withRequests('2')))
    await scheduleNext(f)
    const msg = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role: master}, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.'
    expect(f.conditions).toEqual([{ pod: 'p', condition: { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg }, nominated: undefined }])
    expect(f.events).toEqual([{ pod: 'p', type: 'Warning', reason: 'FailedScheduling', message: msg }])
    expect(f.queue.lengths().unschedulable).toBe(1)
  })

  it('preempts lower-priority pods and nominates the node', async () => {
    const low = (name: string, prio: number): Pod => ({ ...makePod(name, { ...withRequests('500m'), priority: prio, nodeName: 'n' }), status: { phase: 'Running' } })
    const f = fixture([['n', { cpu: '1' }]], [low('v-low', 1), low('v-mid', 5)])
    f.queue.add(makePod('important', { ...withRequests('500m'), priority: 10 }))
    await scheduleNext(f)
    expect(f.evicted).toEqual(['v-low'])
    expect(f.conditions[0]?.nominated).toBe('n')
    expect(f.conditions[0]?.condition.message).toBe('0/1 nodes are available: 1 Insufficient cpu.')
  })

  it('does not preempt for a pod with preemptionPolicy Never', async () => {
    const f = fixture([['n', { cpu: '1' }]], [{ ...makePod('v', { ...withRequests('1'), priority: 0, nodeName: 'n' }) }])
    f.queue.add(makePod('p', { ...withRequests('500m'), priority: 10, preemptionPolicy: 'Never' }))
    await scheduleNext(f)
    expect(f.evicted).toEqual([])
    expect(f.conditions[0]?.condition.message).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.')
  })
})

describe('Scheduler with nominated pods', () => {
  const running = (name: string, prio: number, cpu: string): Pod => ({ ...makePod(name, { ...withRequests(cpu), priority: prio, nodeName: 'n' }), status: { phase: 'Running' } })

  it.each([
    { name: 'keeps the room nominated for a higher-priority pod from a lower-priority one', nominatedPrio: 10, pendingPrio: 1, binds: [] },
    { name: 'blocks an equal-priority pod too (nominated pods of >= priority count)', nominatedPrio: 5, pendingPrio: 5, binds: [] },
    { name: 'ignores a nominated pod of lower priority', nominatedPrio: 1, pendingPrio: 10, binds: [{ pod: 'newcomer', node: 'n' }] }
  ])('$name', async ({ nominatedPrio, pendingPrio, binds }) => {
    const f = fixture([['n', { cpu: '1' }]])
    f.nominator.add(makePod('preemptor', { ...withRequests('800m'), priority: nominatedPrio }), 'n')
    f.queue.add(makePod('newcomer', { ...withRequests('500m'), priority: pendingPrio, preemptionPolicy: 'Never' }))
    await scheduleNext(f)
    expect(f.binds).toEqual(binds)
  })

  it('records its own preemption in the nominator, and the bind clears it', async () => {
    const f = fixture([['n', { cpu: '1' }]], [running('victim', 1, '800m')])
    const preemptor = makePod('preemptor', { ...withRequests('800m'), priority: 10 })
    f.queue.add(preemptor)
    await scheduleNext(f)
    expect(f.evicted).toEqual(['victim'])
    expect(f.nominator.nominatedPodsForNode('n').map(p => p.metadata?.name)).toEqual(['preemptor'])
    expect(f.events.find(e => e.reason === 'Preempted')).toEqual({ pod: 'victim', type: 'Normal', reason: 'Preempted', message: 'Preempted by pod uid-preemptor on node n' })
    f.queue.moveAllToActiveOrBackoff('AssignedPodDelete')
    f.clock.step(1000)
    f.queue.flushBackoffCompleted()
    await scheduleNext(f)
    expect(f.binds).toEqual([{ pod: 'preemptor', node: 'n' }])
    expect(f.nominator.nominatedPodsForNode('n')).toEqual([])
  })
})

describe('Scheduler with a Permit plugin that waits', () => {
  const PERMIT = 'TestPermit'
  function permitFixture (timeoutMs: number): Fixture {
    const plugin: PermitPlugin = { name: () => PERMIT, permit: () => ({ status: new Status(Code.Wait), timeoutMs }) }
    const registry = new Map([...inTreeRegistry, [PERMIT, () => plugin]])
    return fixture([['n', { cpu: '1' }]], [], { registry, profile: { schedulerName: 'default-scheduler', plugins: { permit: { enabled: [{ name: PERMIT }] } } } })
  }
  async function startCycle (f: Fixture): Promise<void> {
    f.queue.add(makePod('p', withRequests('500m')))
    const info = await f.queue.pop()
    if (info === undefined) throw new Error('queue empty')
    await f.scheduler.scheduleOne(info, new AbortController().signal)
  }

  it('parks the pod, keeps its room counted, and binds once the plugin allows it', async () => {
    const f = permitFixture(10_000)
    await startCycle(f)
    expect(f.binds).toEqual([])
    expect(f.cache.nodeInfo('n')?.requested.milliCpu).toBe(500)
    const wp = f.waitingPods.get('uid-p')
    expect(wp?.pendingPlugins()).toEqual([PERMIT])
    wp?.allow(PERMIT)
    await f.scheduler.idle()
    expect(f.binds).toEqual([{ pod: 'p', node: 'n' }])
    expect(f.waitingPods.list()).toEqual([])
  })

  it('rejects the pod at the timeout with upstream message, frees its room and parks it as unschedulable', async () => {
    const f = permitFixture(1500)
    await startCycle(f)
    f.clock.step(1500)
    await f.scheduler.idle()
    const msg = 'rejected due to timeout after waiting 1.5s at plugin TestPermit'
    expect(f.binds).toEqual([])
    expect(f.cache.nodeInfo('n')?.requested.milliCpu).toBe(0)
    expect(f.events).toEqual([{ pod: 'p', type: 'Warning', reason: 'FailedScheduling', message: msg }])
    expect(f.conditions[0]?.condition).toEqual({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg })
    expect(f.queue.lengths().unschedulable).toBe(1)
  })

  it('releases a parked pod without binding it when the scheduler shuts down', async () => {
    const f = permitFixture(600_000)
    f.queue.add(makePod('p', withRequests('500m')))
    const ac = new AbortController()
    const done = f.scheduler.run(ac.signal)
    for (let i = 0; i < 100 && f.waitingPods.list().length === 0; i++) await new Promise(resolve => { setImmediate(resolve) })
    expect(f.waitingPods.list().length).toBe(1)
    ac.abort()
    await done
    expect(f.binds).toEqual([])
  })

  it('requeues the timed-out pod on a later cluster event (an out-of-tree rejector listens to every event)', async () => {
    const f = permitFixture(1000)
    await startCycle(f)
    f.clock.step(1000)
    await f.scheduler.idle()
    f.queue.moveAllToActiveOrBackoff('AssignedPodAdd')
    expect(f.queue.lengths().unschedulable).toBe(0)
  })
})
