import type { KubeObject } from '@kube-ts/api'
import { checkPreconditions, finalizersForPolicy, planDelete, podGracePeriod, shouldDeleteAfterUpdate } from './deletion.js'
import { configmaps, namespaces, pods } from './test-schemas.js'

const now = new Date('2026-01-02T03:04:05Z')
const obj = (meta: Partial<KubeObject['metadata']> = {}, extra: Record<string, unknown> = {}): KubeObject =>
  ({ metadata: { name: 'x', namespace: 'default', uid: 'u1', resourceVersion: '5', ...meta }, ...extra })
const scheduledPod = (extra: Record<string, unknown> = {}): KubeObject => obj({}, { spec: { nodeName: 'n1', terminationGracePeriodSeconds: 20, ...extra } })

describe('planDelete', () => {
  it.each([
    { name: 'deletes an object without finalizers immediately', schema: configmaps, current: obj(), opts: {}, want: { action: 'delete' } },
    { name: 'marks an object with finalizers and keeps it', schema: configmaps, current: obj({ finalizers: ['a'] }), opts: {}, want: { action: 'mark', ts: '2026-01-02T03:04:05Z', grace: 0, finalizers: ['a'] } },
    { name: 'adds the foregroundDeletion finalizer for Foreground propagation', schema: configmaps, current: obj(), opts: { propagationPolicy: 'Foreground' }, want: { action: 'mark', ts: '2026-01-02T03:04:05Z', grace: 0, finalizers: ['foregroundDeletion'] } },
    { name: 'adds the orphan finalizer for Orphan propagation', schema: configmaps, current: obj({ finalizers: ['foregroundDeletion'] }), opts: { propagationPolicy: 'Orphan' }, want: { action: 'mark', ts: '2026-01-02T03:04:05Z', grace: 0, finalizers: ['orphan'] } },
    { name: 'deletes at once with Background propagation even if an orphan finalizer was set', schema: configmaps, current: obj({ finalizers: ['orphan'] }), opts: { propagationPolicy: 'Background' }, want: { action: 'delete' } },
    { name: 'deletes an unscheduled pod immediately', schema: pods, current: obj({}, { spec: {} }), opts: {}, want: { action: 'delete' } },
    { name: 'gives a scheduled pod its own termination grace period', schema: pods, current: scheduledPod(), opts: {}, want: { action: 'mark', ts: '2026-01-02T03:04:25Z', grace: 20 } },
    { name: 'honours a requested grace period for a scheduled pod', schema: pods, current: scheduledPod(), opts: { gracePeriodSeconds: 5 }, want: { action: 'mark', ts: '2026-01-02T03:04:10Z', grace: 5 } },
    { name: 'deletes a scheduled pod at once with grace period 0', schema: pods, current: scheduledPod(), opts: { gracePeriodSeconds: 0 }, want: { action: 'delete' } },
    { name: 'accepts a second delete of a terminating pod without changing it', schema: pods, current: obj({ deletionTimestamp: '2026-01-02T03:04:25Z', deletionGracePeriodSeconds: 20 }, { spec: { nodeName: 'n1' } }), opts: {}, want: { action: 'pending' } },
    { name: 'shortens the grace period of a terminating pod', schema: pods, current: obj({ deletionTimestamp: '2026-01-02T03:04:25Z', deletionGracePeriodSeconds: 30 }, { spec: { nodeName: 'n1' } }), opts: { gracePeriodSeconds: 25 }, want: { action: 'mark', ts: '2026-01-02T03:04:20Z', grace: 25 } },
    { name: 'deletes a terminating pod when the kubelet asks with grace 0', schema: pods, current: obj({ deletionTimestamp: '2026-01-02T03:04:25Z', deletionGracePeriodSeconds: 20 }, { spec: { nodeName: 'n1' } }), opts: { gracePeriodSeconds: 0 }, want: { action: 'delete' } },
    { name: 'accepts a second delete of an object held by finalizers', schema: configmaps, current: obj({ deletionTimestamp: '2026-01-01T00:00:00Z', deletionGracePeriodSeconds: 0, finalizers: ['a'] }), opts: {}, want: { action: 'pending' } },
    { name: 'marks a namespace with spec finalizers Terminating', schema: namespaces, current: obj({ namespace: undefined }, { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }), opts: {}, want: { action: 'mark', ts: '2026-01-02T03:04:05Z', grace: 0, phase: 'Terminating' } }
  ])('$name', ({ schema, current, opts, want }) => {
    const plan = planDelete(schema, current, { dryRun: false, ...opts } as never, now)
    expect(plan.action).toBe(want.action)
    if (plan.action !== 'mark') return
    expect(plan.object.metadata.deletionTimestamp).toBe(want.ts)
    expect(plan.object.metadata.deletionGracePeriodSeconds).toBe(want.grace)
    if ('finalizers' in want) expect(plan.object.metadata.finalizers).toEqual(want.finalizers)
    if ('phase' in want) expect((plan.object.status as { phase: string }).phase).toBe(want.phase)
  })

  it('bumps generation when it first marks an object', () => {
    const plan = planDelete(configmaps, obj({ generation: 3, finalizers: ['a'] }), { dryRun: false }, now)
    expect(plan.action === 'mark' && plan.object.metadata.generation).toBe(4)
  })
})

describe('checkPreconditions', () => {
  it.each([
    { name: 'passes when uid and resourceVersion match', pre: { uid: 'u1', resourceVersion: '5' }, message: undefined },
    { name: 'fails with 409 on a uid mismatch', pre: { uid: 'u2' }, message: 'Operation cannot be fulfilled on configmaps "x": Precondition failed: UID in precondition: u2, UID in object meta: u1' },
    { name: 'fails with 409 on a resourceVersion mismatch', pre: { resourceVersion: '4' }, message: 'Operation cannot be fulfilled on configmaps "x": Precondition failed: ResourceVersion in precondition: 4, ResourceVersion in object meta: 5' }
  ])('$name', ({ pre, message }) => {
    let err: { code?: number, message?: string } | undefined
    try { checkPreconditions(configmaps, 'x', obj(), pre) } catch (e) { err = e as { code: number } }
    if (message === undefined) expect(err).toBeUndefined()
    else expect(err).toMatchObject({ code: 409, reason: 'Conflict', message })
  })
})

describe('helpers', () => {
  it.each([
    { name: 'keeps existing finalizers when no policy is given', current: ['a', 'orphan'], policy: undefined, want: ['a', 'orphan'] },
    { name: 'swaps orphan for foregroundDeletion on Foreground', current: ['a', 'orphan'], policy: 'Foreground' as const, want: ['a', 'foregroundDeletion'] },
    { name: 'drops both GC finalizers on Background', current: ['orphan', 'foregroundDeletion'], policy: 'Background' as const, want: [] }
  ])('finalizersForPolicy $name', ({ current, policy, want }) => {
    expect(finalizersForPolicy(current, policy)).toEqual(want)
  })

  it.each([
    { name: 'a finished pod goes at once', pod: obj({}, { spec: { nodeName: 'n' }, status: { phase: 'Succeeded' } }), requested: undefined, want: 0 },
    { name: 'the default is 30 seconds', pod: obj({}, { spec: { nodeName: 'n' } }), requested: undefined, want: 30 },
    { name: 'a negative request becomes 1 second', pod: obj({}, { spec: { nodeName: 'n' } }), requested: -5, want: 1 }
  ])('podGracePeriod: $name', ({ pod, requested, want }) => {
    expect(podGracePeriod(pod, requested)).toBe(want)
  })

  it.each([
    { name: 'an object being deleted with no finalizers left is deleted', schema: configmaps, o: obj({ deletionTimestamp: 'x' }), want: true },
    { name: 'an object with finalizers left stays', schema: configmaps, o: obj({ deletionTimestamp: 'x', finalizers: ['a'] }), want: false },
    { name: 'a terminating pod inside its grace period stays for the kubelet', schema: pods, o: obj({ deletionTimestamp: 'x', deletionGracePeriodSeconds: 30 }), want: false },
    { name: 'an object not being deleted stays', schema: configmaps, o: obj(), want: false }
  ])('shouldDeleteAfterUpdate: $name', ({ schema, o, want }) => {
    expect(shouldDeleteAfterUpdate(schema, o)).toBe(want)
  })
})
