import { FakeClock } from '@kube-ts/testing'
import { makePod } from '../testing/builders.js'
import { Code } from './status.js'
import { WaitingPod, WaitingPods } from './waiting-pods.js'

async function outcome (wp: WaitingPod): Promise<{ code: Code, message: string, plugin: string } | 'pending'> {
  const s = await Promise.race([wp.result, new Promise<undefined>(resolve => { setImmediate(resolve) })])
  return s === undefined ? 'pending' : { code: s.code, message: s.message(), plugin: s.plugin }
}

describe('WaitingPod', () => {
  it.each([
    { name: 'succeeds once every waiting plugin allowed it', act: (wp: WaitingPod) => { wp.allow('A'); wp.allow('B') }, want: { code: Code.Success, message: '', plugin: '' } },
    { name: 'stays parked while one plugin has not allowed it', act: (wp: WaitingPod) => { wp.allow('A') }, want: 'pending' as const },
    { name: 'is rejected by the first rejection, naming the plugin', act: (wp: WaitingPod) => { wp.allow('A'); wp.reject('B', 'no quorum') }, want: { code: Code.Unschedulable, message: 'no quorum', plugin: 'B' } },
    { name: 'times out at the shortest plugin timeout with upstream message', act: (_wp: WaitingPod, c: FakeClock) => { c.step(2000) }, want: { code: Code.Unschedulable, message: 'rejected due to timeout after waiting 2s at plugin A', plugin: 'A' } },
    { name: 'times out at a later plugin after the first allowed', act: (wp: WaitingPod, c: FakeClock) => { wp.allow('A'); c.step(60_000) }, want: { code: Code.Unschedulable, message: 'rejected due to timeout after waiting 1m0s at plugin B', plugin: 'B' } },
    { name: 'ignores a timeout after it was allowed', act: (wp: WaitingPod, c: FakeClock) => { wp.allow('A'); wp.allow('B'); c.step(60_000) }, want: { code: Code.Success, message: '', plugin: '' } }
  ])('$name', async ({ act, want }) => {
    const clock = new FakeClock(0)
    const wp = new WaitingPod(makePod('p'), new Map([['A', 2000], ['B', 60_000]]), clock)
    act(wp, clock)
    expect(await outcome(wp)).toEqual(want)
  })

  it('is found by UID in the map and rejected from outside (a deleted pod)', async () => {
    const pods = new WaitingPods(new FakeClock(0))
    const wp = new WaitingPod(makePod('p'), new Map([['A', 1000]]), pods.clock)
    pods.add(wp)
    expect(pods.reject('uid-p', '', 'removed')).toBe(true)
    expect(pods.reject('uid-other', '', 'removed')).toBe(false)
    expect(await outcome(wp)).toEqual({ code: Code.Unschedulable, message: 'removed', plugin: '' })
  })
})
