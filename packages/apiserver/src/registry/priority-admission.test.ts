import { schemaForResource, type KubeObject, type ResourceSchema } from '@kube-ts/api'
import { MemoryStorage } from '../storage/memory-storage.js'
import { PriorityAdmission, carryOverPriority } from './priority-admission.js'
import { caught } from './registry-harness.js'

function schema (group: string, resource: string): ResourceSchema {
  const s = schemaForResource(group, 'v1', resource)
  if (s === undefined) throw new Error(`no ${resource}`)
  return s
}
const pods = schema('', 'pods')
const priorityClasses = schema('scheduling.k8s.io', 'priorityclasses')

/** Counts storage round trips so tests can say when admission reads etcd. */
class CountingStorage extends MemoryStorage {
  reads = 0
  override async get (key: string): Promise<KubeObject | undefined> { this.reads++; return await super.get(key) }
  override async list (...args: Parameters<MemoryStorage['list']>): ReturnType<MemoryStorage['list']> { this.reads++; return await super.list(...args) }
}

const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, preemptionPolicy: 'PreemptLowerPriority', ...extra })
const pod = (spec: Record<string, unknown>, meta: Record<string, unknown> = { name: 'p' }): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', ...meta }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } })

async function setup (classes: KubeObject[]): Promise<{ storage: CountingStorage, admission: PriorityAdmission, clock: { t: number } }> {
  const storage = new CountingStorage()
  for (const c of classes) await storage.create(`/registry/priorityclasses/${c.metadata.name ?? ''}`, c)
  storage.reads = 0
  const clock = { t: 1000 }
  return { storage, admission: new PriorityAdmission(storage, '/registry', { now: () => clock.t }), clock }
}

describe('Priority admission on pod create', () => {
  const cases: Array<{ name: string, classes: KubeObject[], pod: KubeObject, want: Record<string, unknown> | string }> = [
    { name: 'resolves priorityClassName to its value and policy', classes: [pc('high', 1000)], pod: pod({ priorityClassName: 'high' }), want: { priorityClassName: 'high', priority: 1000, preemptionPolicy: 'PreemptLowerPriority' } },
    { name: 'copies a Never policy from the class', classes: [pc('batch', -5, { preemptionPolicy: 'Never' })], pod: pod({ priorityClassName: 'batch' }), want: { priorityClassName: 'batch', priority: -5, preemptionPolicy: 'Never' } },
    { name: 'gives a pod without a class priority 0 when no class is the default', classes: [pc('high', 1000)], pod: pod({}), want: { priority: 0, preemptionPolicy: 'PreemptLowerPriority' } },
    {
      name: 'gives a pod without a class the global default class, its name included',
      classes: [pc('high', 1000), pc('normal', 10, { globalDefault: true })],
      pod: pod({}),
      want: { priorityClassName: 'normal', priority: 10, preemptionPolicy: 'PreemptLowerPriority' }
    },
    {
      name: 'picks the lowest value when a race left two global defaults',
      classes: [pc('a', 50, { globalDefault: true }), pc('b', 20, { globalDefault: true })],
      pod: pod({}),
      want: { priorityClassName: 'b', priority: 20, preemptionPolicy: 'PreemptLowerPriority' }
    },
    { name: 'accepts a priority that agrees with the class', classes: [pc('high', 1000)], pod: pod({ priorityClassName: 'high', priority: 1000 }), want: { priorityClassName: 'high', priority: 1000, preemptionPolicy: 'PreemptLowerPriority' } },
    {
      name: 'lets any namespace use system-node-critical',
      classes: [pc('system-node-critical', 2000001000)],
      pod: pod({ priorityClassName: 'system-node-critical' }, { name: 'p', namespace: 'team-a' }),
      want: { priorityClassName: 'system-node-critical', priority: 2000001000, preemptionPolicy: 'PreemptLowerPriority' }
    },
    { name: 'refuses an unknown class with 403', classes: [], pod: pod({ priorityClassName: 'foo' }, { name: 'x' }), want: 'pods "x" is forbidden: no PriorityClass with name foo was found' },
    { name: 'names a generateName pod by its prefix', classes: [], pod: pod({ priorityClassName: 'foo' }, { generateName: 'web-' }), want: 'pods "web-" is forbidden: no PriorityClass with name foo was found' },
    {
      name: 'refuses a priority that disagrees with the class',
      classes: [pc('high', 1000)],
      pod: pod({ priorityClassName: 'high', priority: 5 }),
      want: 'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name'
    },
    {
      name: 'refuses a nonzero priority without any class',
      classes: [],
      pod: pod({ priority: 7 }),
      want: 'pods "p" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name'
    },
    {
      name: 'refuses a preemption policy that disagrees with the class',
      classes: [pc('batch', 1, { preemptionPolicy: 'Never' })],
      pod: pod({ priorityClassName: 'batch', preemptionPolicy: 'PreemptLowerPriority' }),
      want: 'pods "p" is forbidden: the string value of PreemptionPolicy (PreemptLowerPriority) must not be provided in pod spec; priority admission controller computed Never from the given PriorityClass name'
    }
  ]

  it.each(cases)('$name', async ({ classes, pod: input, want }) => {
    const { admission } = await setup(classes)
    if (typeof want === 'string') {
      const err = await caught(admission.admitCreate(pods, input))
      expect([err.code, err.reason, err.message]).toEqual([403, 'Forbidden', want])
      return
    }
    await admission.admitCreate(pods, input)
    const { containers: _, ...rest } = input.spec as Record<string, unknown>
    expect(rest).toEqual(want)
  })
})

describe('Priority admission caching', () => {
  it('serves repeated pod creates from one listing until it expires', async () => {
    const { storage, admission, clock } = await setup([pc('high', 1000), pc('normal', 1, { globalDefault: true })])
    await admission.admitCreate(pods, pod({}))
    for (let i = 0; i < 5; i++) {
      await admission.admitCreate(pods, pod({}))
      await admission.admitCreate(pods, pod({ priorityClassName: 'high' }))
    }
    expect(storage.reads).toBe(1)
    clock.t += 1001
    await admission.admitCreate(pods, pod({ priorityClassName: 'high' }))
    await admission.admitCreate(pods, pod({}))
    expect(storage.reads).toBe(2)
  })

  it('reads storage for a class missing from the listing, so a new class is found at once', async () => {
    const { storage, admission } = await setup([])
    await admission.admitCreate(pods, pod({}))
    await storage.create('/registry/priorityclasses/fresh', pc('fresh', 42))
    const p = pod({ priorityClassName: 'fresh' })
    await admission.admitCreate(pods, p)
    await admission.admitCreate(pods, pod({ priorityClassName: 'fresh' }))
    expect([(p.spec as { priority: number }).priority, storage.reads]).toEqual([42, 2])
  })

  it('keeps no listing for a moment after a PriorityClass write, so pods see the new global default', async () => {
    const { storage, admission, clock } = await setup([pc('high', 1000)])
    await admission.admitCreate(pods, pod({}))
    const normal = pc('normal', 10, { globalDefault: true })
    await admission.admitCreate(priorityClasses, normal)
    await admission.admitCreate(pods, pod({}))
    await storage.create('/registry/priorityclasses/normal', normal)
    const p = pod({})
    await admission.admitCreate(pods, p)
    clock.t += 1001
    await admission.admitCreate(pods, pod({}))
    await admission.admitCreate(pods, pod({}))
    expect([(p.spec as { priority: number }).priority, storage.reads]).toEqual([10, 5])
  })

  it('shares one listing between concurrent pod creates', async () => {
    const { storage, admission } = await setup([pc('normal', 3, { globalDefault: true })])
    await Promise.all(Array.from({ length: 10 }, async () => { await admission.admitCreate(pods, pod({})) }))
    expect(storage.reads).toBe(1)
  })
})

describe('Priority admission on PriorityClass writes and pod updates', () => {
  it.each([
    { name: 'refuses a second global default on create', op: 'create', obj: pc('other', 5, { globalDefault: true }), want: 'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass normal is already marked as default. Only one default can exist' },
    { name: 'refuses marking another class default on update', op: 'update', obj: pc('high', 1000, { globalDefault: true }), want: 'priorityclasses.scheduling.k8s.io "high" is forbidden: PriorityClass normal is already marked as default. Only one default can exist' },
    { name: 'lets the default class stay default on update', op: 'update', obj: pc('normal', 1, { globalDefault: true, description: 'x' }), want: undefined },
    { name: 'lets a non-default class be created', op: 'create', obj: pc('low', -1), want: undefined }
  ])('$name', async ({ op, obj, want }) => {
    const { admission } = await setup([pc('high', 1000), pc('normal', 1, { globalDefault: true })])
    const run = op === 'create' ? admission.admitCreate(priorityClasses, obj) : admission.admitUpdate(priorityClasses, obj, pc(obj.metadata.name ?? '', 1), undefined)
    if (want === undefined) await expect(run).resolves.toBeUndefined()
    else expect((await caught(run)).message).toBe(want)
  })

  it.each([
    { name: 'carries priority and policy over when the update omits them', spec: {}, want: { priority: 1000, preemptionPolicy: 'Never' } },
    { name: 'keeps a changed priority for validation to refuse', spec: { priority: 1 }, want: { priority: 1, preemptionPolicy: 'Never' } }
  ])('$name', ({ spec, want }) => {
    const next = pod(spec)
    carryOverPriority(next, pod({ priority: 1000, preemptionPolicy: 'Never' }))
    const { containers: _, ...rest } = next.spec as Record<string, unknown>
    expect(rest).toEqual(want)
  })

  it('refuses to delete a system class and forgets the listing when another class is deleted', async () => {
    const { storage, admission } = await setup([pc('gone', 5)])
    expect(() => { admission.admitDelete(priorityClasses, 'system-node-critical') }).toThrow('priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted')
    await admission.admitCreate(pods, pod({}))
    admission.admitDelete(priorityClasses, 'gone')
    await storage.delete('/registry/priorityclasses/gone')
    const err = await caught(admission.admitCreate(pods, pod({ priorityClassName: 'gone' })))
    expect(err.message).toBe('pods "p" is forbidden: no PriorityClass with name gone was found')
  })

  it('admits nothing when disabled (--disable-admission-plugins=Priority), as upstream scheduler integration tests run', async () => {
    const admission = new PriorityAdmission(new MemoryStorage(), '/registry', { enabled: false })
    const p = pod({ priority: 7, priorityClassName: 'nowhere' })
    await admission.admitCreate(pods, p)
    const next = pod({})
    await admission.admitUpdate(pods, next, pod({ priority: 7 }), undefined)
    expect([(p.spec as Record<string, unknown>).priority, (next.spec as Record<string, unknown>).priority]).toEqual([7, undefined])
  })

  it('ignores pod subresource updates', async () => {
    const { admission } = await setup([])
    const next = pod({})
    await admission.admitUpdate(pods, next, pod({ priority: 9 }), 'status')
    expect((next.spec as Record<string, unknown>).priority).toBeUndefined()
  })
})
