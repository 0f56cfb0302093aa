import type { Event } from 'kubernetes-types/core/v1.js'
import { ApiError, errNotFound } from '@kube-ts/api'
import { EventRecorder } from './event-recorder.js'
import type { EventApi } from './event-recorder.js'
import type { Logger } from './logger.js'
import { ManualClock } from './__tests__/fake-clock.js'

class FakeEvents implements EventApi {
  actions: Array<{ verb: string, namespace: string, name?: string, body: unknown }> = []
  failCreate: Error | undefined
  missing = new Set<string>()
  async create (namespace: string, obj: Event): Promise<Event> {
    this.actions.push({ verb: 'create', namespace, body: obj })
    if (this.failCreate !== undefined) throw this.failCreate
    return obj
  }

  async patch (namespace: string, name: string, _type: string, body: unknown): Promise<Event> {
    this.actions.push({ verb: 'patch', namespace, name, body })
    if (this.missing.has(name)) throw errNotFound({ group: '', resource: 'events' }, name)
    return {} as Event
  }
}

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'ns', uid: 'u1', resourceVersion: '7' } }
const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'u2' } }

describe('EventRecorder', () => {
  let api: FakeEvents
  let clock: ManualClock
  let rec: EventRecorder
  beforeEach(() => {
    api = new FakeEvents()
    clock = new ManualClock(Date.UTC(2026, 10, 23, 9, 0, 0))
    rec = new EventRecorder({ client: api, component: 'default-scheduler', clock })
  })

  it('creates a core/v1 Event describing the object', async () => {
    rec.normal(pod, 'Scheduled', 'Successfully assigned ns/web-0 to n1')
    await rec.flush()
    expect(api.actions).toHaveLength(1)
    expect(api.actions[0]).toMatchObject({ verb: 'create', namespace: 'ns' })
    expect(api.actions[0]?.body).toEqual({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `web-0.${(BigInt(clock.now()) * 1_000_000n).toString(16)}`, namespace: 'ns' },
      involvedObject: { kind: 'Pod', apiVersion: 'v1', name: 'web-0', namespace: 'ns', uid: 'u1', resourceVersion: '7' },
      reason: 'Scheduled',
      message: 'Successfully assigned ns/web-0 to n1',
      type: 'Normal',
      source: { component: 'default-scheduler' },
      firstTimestamp: '2026-11-23T09:00:00Z',
      lastTimestamp: '2026-11-23T09:00:00Z',
      count: 1,
      reportingComponent: 'default-scheduler',
      reportingInstance: ''
    })
  })

  it('aggregates a repeat into a count patch on the same Event', async () => {
    rec.warning(pod, 'FailedScheduling', '0/1 nodes are available')
    clock.step(5000)
    rec.warning(pod, 'FailedScheduling', '0/1 nodes are available')
    rec.warning(pod, 'FailedScheduling', '0/1 nodes are available')
    await rec.flush()
    const name = (api.actions[0]?.body as Event).metadata.name
    expect(api.actions.map(a => a.verb)).toEqual(['create', 'patch', 'patch'])
    expect(api.actions[1]).toEqual({ verb: 'patch', namespace: 'ns', name, body: { count: 2, lastTimestamp: '2026-11-23T09:00:05Z', message: '0/1 nodes are available' } })
    expect((api.actions[2]?.body as { count: number }).count).toBe(3)
  })

  it.each([
    { name: 'a different reason', second: ['Warning', 'Other', 'm'] },
    { name: 'a different message', second: ['Warning', 'R', 'other'] },
    { name: 'a different type', second: ['Normal', 'R', 'm'] }
  ])('creates a new Event for $name', async ({ second }) => {
    rec.warning(pod, 'R', 'm')
    const [type, reason, message] = second as [string, string, string]
    if (type === 'Normal') rec.normal(pod, reason, message)
    else rec.warning(pod, reason, message)
    await rec.flush()
    expect(api.actions.map(a => a.verb)).toEqual(['create', 'create'])
    const names = api.actions.map(a => (a.body as Event).metadata.name)
    expect(names[0]).not.toBe(names[1])
  })

  it('records events about cluster-scoped objects in the default namespace', async () => {
    rec.normal(node, 'NodeReady', 'Node n1 status is now: NodeReady')
    await rec.flush()
    expect(api.actions[0]?.namespace).toBe('default')
    expect((api.actions[0]?.body as Event).involvedObject.namespace).toBeUndefined()
  })

  it('starts a new Event when the aggregated one was deleted', async () => {
    rec.normal(pod, 'Pulled', 'x')
    await rec.flush()
    api.missing.add((api.actions[0]?.body as Event).metadata.name ?? '')
    rec.normal(pod, 'Pulled', 'x')
    await rec.flush()
    expect(api.actions.map(a => a.verb)).toEqual(['create', 'patch', 'create'])
  })

  it('never throws into the caller when the apiserver fails', async () => {
    api.failCreate = new Error('connection refused')
    expect(() => rec.normal(pod, 'Created', 'x')).not.toThrow()
    await expect(rec.flush()).resolves.toBeUndefined()
    api.failCreate = undefined
    rec.normal(pod, 'Created', 'y')
    await rec.flush()
    expect(api.actions).toHaveLength(2)
  })

  it.each([
    { name: 'logs a refused event at warn', err: new ApiError(500, 'InternalError', 'etcd down'), level: 'warn' },
    { name: 'logs an event refused because its namespace is terminating only at debug, as upstream', err: new ApiError(403, 'Forbidden', 'unable to create new content in namespace ns because it is being terminated', { causes: [{ reason: 'NamespaceTerminating', message: 'namespace ns is being terminated', field: 'metadata.namespace' }] }), level: 'debug' }
  ])('$name', async ({ err, level }) => {
    const logged: string[] = []
    const at = (level: string) => () => { logged.push(level) }
    const logger: Logger = { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger }
    const r = new EventRecorder({ client: api, component: 'replicaset-controller', clock, logger })
    api.failCreate = err
    r.normal(pod, 'SuccessfulCreate', 'x')
    await r.flush()
    expect(logged).toEqual([level])
  })

  it('ignores objects without a name instead of throwing', async () => {
    expect(() => rec.normal({ kind: 'Pod', metadata: {} }, 'R', 'm')).not.toThrow()
    await rec.flush()
    expect(api.actions).toHaveLength(0)
  })

  it('sets source.host and reportingInstance when a host is given', async () => {
    const kubelet = new EventRecorder({ client: api, component: 'kubelet', host: 'n1', clock })
    kubelet.normal(pod, 'Started', 'Started container web')
    await kubelet.flush()
    expect(api.actions[0]?.body).toMatchObject({ source: { component: 'kubelet', host: 'n1' }, reportingInstance: 'n1' })
  })
})
