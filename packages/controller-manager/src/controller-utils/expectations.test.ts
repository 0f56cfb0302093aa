import { FakeClock } from '@kube-ts/testing'
import { ControllerExpectations } from './expectations.js'

type Step = (e: ControllerExpectations, clock: FakeClock) => void

describe('ControllerExpectations', () => {
  it.each<{ name: string, steps: Step[], want: boolean }>([
    { name: 'a key never seen is satisfied', steps: [], want: true },
    { name: 'outstanding creations are not satisfied', steps: [e => e.expectCreations('k', 2), e => e.creationObserved('k')], want: false },
    { name: 'all creations observed is satisfied', steps: [e => e.expectCreations('k', 2), e => e.creationObserved('k'), e => e.creationObserved('k')], want: true },
    { name: 'a failed create lowers the count', steps: [e => e.expectCreations('k', 2), e => e.creationObserved('k'), e => e.creationFailed('k')], want: true },
    { name: 'the same pod observed deleted twice counts once', steps: [e => e.expectDeletions('k', ['ns/a', 'ns/b']), e => e.deletionObserved('k', 'ns/a'), e => e.deletionObserved('k', 'ns/a')], want: false },
    { name: 'deleting an unexpected pod does not count', steps: [e => e.expectDeletions('k', ['ns/a']), e => e.deletionObserved('k', 'ns/z')], want: false },
    { name: 'every expected deletion observed is satisfied', steps: [e => e.expectDeletions('k', ['ns/a']), e => e.deletionObserved('k', 'ns/a')], want: true },
    { name: 'expired records are satisfied', steps: [e => e.expectCreations('k', 5), (_e, c) => c.step(5 * 60 * 1000 + 1)], want: true },
    { name: 'deleted records are satisfied', steps: [e => e.expectCreations('k', 5), e => e.delete('k')], want: true }
  ])('$name', ({ steps, want }) => {
    const clock = new FakeClock(1000)
    const e = new ControllerExpectations(clock)
    for (const s of steps) s(e, clock)
    expect(e.satisfied('k')).toBe(want)
  })
})
