import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import type { EventHandlers, Informer } from '@kube-ts/client'
import { FakeClock } from '@kube-ts/testing'
import { SchedulerCache } from './cache/scheduler-cache.js'
import { WaitingPod, WaitingPods } from './framework/waiting-pods.js'
import { wireInformers } from './informers.js'
import { Nominator } from './queue/nominator.js'
import { SchedulingQueue } from './queue/scheduling-queue.js'
import { makePod } from './testing/builders.js'

/** Captures the handlers wireInformers registers, so a test can play informer events. */
function fakeInformer<T> (): { informer: Informer<T>, h: () => EventHandlers<T> } {
  let handlers: EventHandlers<T> = {}
  return { informer: { addEventHandler: (h: EventHandlers<T>) => { handlers = h } } as unknown as Informer<T>, h: () => handlers }
}

const pending = (nominated?: string, rv = '1'): Pod => ({ ...makePod('p'), metadata: { ...makePod('p').metadata, resourceVersion: rv }, status: nominated === undefined ? {} : { nominatedNodeName: nominated } })
const bound = (rv: string): Pod => ({ ...pending('n', rv), spec: { containers: [], nodeName: 'n' } })

describe('wireInformers with a nominator and waiting pods', () => {
  function setup (): { pods: EventHandlers<Pod>, nominator: Nominator, waiting: WaitingPods } {
    const clock = new FakeClock(0)
    const pods = fakeInformer<Pod>()
    const nodes = fakeInformer<Node>()
    const nominator = new Nominator()
    const waiting = new WaitingPods(clock)
    wireInformers(pods.informer, nodes.informer, new SchedulerCache(), new SchedulingQueue({ clock }), new Set(['default-scheduler']), { nominator, waitingPods: waiting })
    return { pods: pods.h(), nominator, waiting }
  }
  const nominatedTo = (n: Nominator): string[] => n.nominatedPodsForNode('n').map(p => p.metadata?.name ?? '')

  it.each<{ name: string, play: (h: EventHandlers<Pod>) => void, want: string[] }>([
    { name: 'nominates a pending pod that arrives with status.nominatedNodeName', play: h => { h.onAdd?.(pending('n')) }, want: ['p'] },
    { name: 'nominates a pending pod once an update carries the nomination', play: h => { h.onAdd?.(pending()); h.onUpdate?.(pending(), pending('n', '2')) }, want: ['p'] },
    { name: 'drops the nomination when the pod is bound', play: h => { h.onAdd?.(pending('n')); h.onUpdate?.(pending('n'), bound('2')) }, want: [] },
    { name: 'drops the nomination when the pending pod is deleted', play: h => { h.onAdd?.(pending('n')); h.onDelete?.(pending('n')) }, want: [] }
  ])('$name', ({ play, want }) => {
    const { pods, nominator } = setup()
    play(pods)
    expect(nominatedTo(nominator)).toEqual(want)
  })

  it('rejects a pod parked at Permit when it is deleted', async () => {
    const { pods, waiting } = setup()
    const wp = new WaitingPod(pending(), new Map([['Gate', 60_000]]), waiting.clock)
    waiting.add(wp)
    pods.onDelete?.(pending())
    expect((await wp.result).message()).toBe('removed')
  })
})
