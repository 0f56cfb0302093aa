import type { PodFailurePolicy } from 'kubernetes-types/batch/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import { matchPodFailurePolicy } from './pod-failure-policy.js'
import type { FailureVerdict } from './pod-failure-policy.js'

const failed = (exit: Record<string, number>, conditions: Array<{ type: string, status: string }> = []): Pod => ({
  metadata: { name: 'p', namespace: 'ns' },
  status: {
    phase: 'Failed',
    conditions,
    containerStatuses: Object.entries(exit).map(([name, exitCode]) => ({ name, image: 'i', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode } } }))
  }
})

describe('matchPodFailurePolicy', () => {
  it.each<{ name: string, policy?: PodFailurePolicy, pod: Pod, want: FailureVerdict }>([
    { name: 'without a policy every failure counts', pod: failed({ c: 1 }), want: { action: 'Count' } },
    {
      name: 'fails the job on a listed exit code with the upstream message',
      policy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] },
      pod: failed({ c: 42 }),
      want: { action: 'FailJob', message: 'Container c for pod ns/p failed with exit code 42 matching FailJob rule at index 0' }
    },
    {
      name: 'NotIn matches any other non-zero code, and the first matching rule wins',
      policy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] } }, { action: 'FailJob', onExitCodes: { operator: 'NotIn', values: [1, 2] } }] },
      pod: failed({ a: 0, b: 7 }),
      want: { action: 'FailJob', message: 'Container b for pod ns/p failed with exit code 7 matching FailJob rule at index 1' }
    },
    {
      name: 'a containerName restricts the rule to that container',
      policy: { rules: [{ action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [3] } }] },
      pod: failed({ side: 3 }),
      want: { action: 'Count' }
    },
    {
      name: 'ignores a pod disrupted by the cluster',
      policy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] },
      pod: failed({ c: 137 }, [{ type: 'DisruptionTarget', status: 'True' }]),
      want: { action: 'Ignore' }
    },
    {
      name: 'a condition with the wrong status does not match',
      policy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] },
      pod: failed({ c: 1 }, [{ type: 'DisruptionTarget', status: 'False' }]),
      want: { action: 'Count' }
    }
  ])('$name', ({ policy, pod, want }) => {
    expect(matchPodFailurePolicy(policy, pod)).toEqual(want)
  })
})
