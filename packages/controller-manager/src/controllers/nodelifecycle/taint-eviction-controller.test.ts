import type { Pod, Taint, Toleration } from 'kubernetes-types/core/v1.js'
import { formatTime } from '@kube-ts/client'
import { computeZoneState, withLifecycleTaint } from './zone-state.js'
import { evictionTimeMs } from './taint-eviction-controller.js'

const t0 = Date.parse('2026-01-01T00:00:00Z')
const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: formatTime(t0) }
const pod = (tolerations: Toleration[]): Pod => ({ metadata: { name: 'p' }, spec: { containers: [], tolerations } })

describe('evictionTimeMs', () => {
  it.each<{ name: string, tolerations: Toleration[], taints: Taint[], want: number | undefined }>([
    { name: 'evicts now when the taint is not tolerated', tolerations: [], taints: [unreachable], want: t0 + 10_000 },
    { name: 'evicts after tolerationSeconds from when the taint was added', tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], taints: [unreachable], want: t0 + 300_000 },
    { name: 'never evicts a pod tolerating the taint without a bound', tolerations: [{ operator: 'Exists' }], taints: [unreachable], want: undefined },
    { name: 'ignores NoSchedule taints', tolerations: [], taints: [{ key: 'x', effect: 'NoSchedule' }], want: undefined },
    { name: 'requires a matching value for Equal tolerations', tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Equal', value: 'x', effect: 'NoExecute' }], taints: [unreachable], want: t0 + 10_000 }
  ])('$name', ({ tolerations, taints, want }) => {
    expect(evictionTimeMs(pod(tolerations), taints, t0 + 10_000)).toBe(want)
  })
})

describe('computeZoneState', () => {
  it.each([[3, 0, 'Normal'], [0, 1, 'FullDisruption'], [1, 2, 'Normal'], [2, 3, 'PartialDisruption'], [7, 3, 'Normal']] as const)('%d ready and %d not ready is %s', (ready, notReady, want) => {
    expect(computeZoneState(ready, notReady, 0.55)).toBe(want)
  })
})

describe('withLifecycleTaint', () => {
  it('swaps not-ready for unreachable, keeps other taints, and removes both on recovery', () => {
    const other: Taint = { key: 'dedicated', value: 'db', effect: 'NoSchedule' }
    const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute', timeAdded: 'earlier' }
    expect(withLifecycleTaint([other, notReady], 'node.kubernetes.io/unreachable', 'now')).toEqual([other, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: 'now' }])
    expect(withLifecycleTaint([other, notReady], 'node.kubernetes.io/not-ready', 'now')).toEqual([other, notReady])
    expect(withLifecycleTaint([other, notReady], undefined, 'now')).toEqual([other])
  })
})
