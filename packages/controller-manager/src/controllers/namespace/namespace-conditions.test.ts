import type { NamespaceCondition } from 'kubernetes-types/core/v1.js'
import { deletionConditions } from './namespace-conditions.js'
import type { RemainingContent } from './namespace-conditions.js'

const pods = (count: number, finalizers: Record<string, number> = {}): RemainingContent => ({ group: '', resource: 'pods', count, finalizers })
const widgets = (count: number, finalizers: Record<string, number> = {}): RemainingContent => ({ group: 'example.com', resource: 'widgets', count, finalizers })
const summary = (cs: NamespaceCondition[] | undefined): string[] | undefined => cs?.map((c) => `${c.type} ${c.status} ${c.reason ?? ''}: ${c.message ?? ''}`)

describe('deletionConditions', () => {
  it.each<{ name: string, remaining: RemainingContent[], want: string[] }>([
    {
      name: 'reports the remaining resources by resource.group and the finalizers holding them, sorted',
      remaining: [widgets(2, { 'example.com/keep': 2 }), pods(3, { 'example.com/keep': 1, 'a.io/hold': 1 }), widgets(0)],
      want: [
        'NamespaceDeletionDiscoveryFailure False ResourcesDiscovered: All resources successfully discovered',
        'NamespaceDeletionGroupVersionParsingFailure False ParsedGroupVersions: All legacy kube types successfully parsed',
        'NamespaceDeletionContentFailure False ContentDeleted: All content successfully deleted, may be waiting on finalization',
        'NamespaceContentRemaining True SomeResourcesRemain: Some resources are remaining: pods. has 3 resource instances, widgets.example.com has 2 resource instances',
        'NamespaceFinalizersRemaining True SomeFinalizerRemain: Some finalizers are remaining: a.io/hold in 1 resource instances, example.com/keep in 3 resource instances'
      ]
    },
    {
      name: 'reports every condition as fine once nothing remains',
      remaining: [pods(0)],
      want: [
        'NamespaceDeletionDiscoveryFailure False ResourcesDiscovered: All resources successfully discovered',
        'NamespaceDeletionGroupVersionParsingFailure False ParsedGroupVersions: All legacy kube types successfully parsed',
        'NamespaceDeletionContentFailure False ContentDeleted: All content successfully deleted, may be waiting on finalization',
        'NamespaceContentRemaining False ContentRemoved: All content successfully removed',
        'NamespaceFinalizersRemaining False ContentRemoved: All content successfully removed'
      ]
    }
  ])('$name', ({ remaining, want }) => {
    expect(summary(deletionConditions([], remaining, 'now'))).toEqual(want)
  })

  it('returns undefined when a second pass sees the same content', () => {
    const first = deletionConditions([], [pods(3)], 't1') ?? []
    expect(deletionConditions(first, [pods(3)], 't2')).toBeUndefined()
  })

  it('moves lastTransitionTime only for a condition whose status flips', () => {
    const first = deletionConditions([], [pods(3)], 't1') ?? []
    const fewer = deletionConditions(first, [pods(1)], 't2') ?? []
    expect(fewer.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'True', message: 'Some resources are remaining: pods. has 1 resource instances', lastTransitionTime: 't1' })
    const gone = deletionConditions(fewer, [pods(0)], 't3') ?? []
    expect(gone.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'False', lastTransitionTime: 't3' })
    expect(gone.find((c) => c.type === 'NamespaceDeletionDiscoveryFailure')).toMatchObject({ lastTransitionTime: 't1' })
  })
})
