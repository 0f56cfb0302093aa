import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { isAlreadyExists, isConflict, isNotFound } from '@kube-ts/api'
import { buildOptions, run } from '@kube-ts/apiserver'
import { EventRecorder, Informer, RestClient, resources, runLeaderElection, waitForCacheSync } from '@kube-ts/client'

// The whole apiserver (its exported run(), as the binary) on a free port against the shared test etcd.
async function startApiServer (): Promise<{ url: string, stop: () => Promise<void> }> {
  const etcd = process.env.KUBE_TS_TEST_ETCD
  if (etcd === undefined || etcd === '') throw new Error('KUBE_TS_TEST_ETCD is not set: run through the jest integration project')
  const { options, problems } = buildOptions({
    etcdServers: etcd, etcdPrefix: `/kube-ts-client-test-${randomUUID()}`, etcdCompactionInterval: '0', etcdCountMetricPollPeriod: '0', securePort: 0, bindAddress: '127.0.0.1',
    insecureServePlainHttp: true, serviceClusterIpRange: '10.96.0.0/12', serviceNodePortRange: '30000-32767', maxRequestsInflight: 400,
    maxMutatingRequestsInflight: 200, requestTimeout: '60s', logFormat: 'json', v: 0
  })
  if (problems.length > 0) throw new Error(problems.join('; '))
  const ctl = new AbortController()
  let onListening: (a: AddressInfo) => void = () => {}
  const listening = new Promise<AddressInfo>((resolve) => { onListening = resolve })
  const done = run(options, { signal: ctl.signal, logger: pino({ level: 'silent' }), onListening })
  const address = await listening
  return { url: `http://127.0.0.1:${address.port}`, stop: async () => { ctl.abort(); await done } }
}

async function eventually (check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

async function failure (p: Promise<unknown>): Promise<unknown> {
  try { await p } catch (err) { return err }
  throw new Error('expected the request to fail')
}

interface ConfigMap { apiVersion?: string, kind?: string, metadata: { name: string, namespace?: string, resourceVersion?: string, labels?: Record<string, string>, uid?: string }, data?: Record<string, string> }

describe('@kube-ts/client against a real apiserver and etcd', () => {
  let server: Awaited<ReturnType<typeof startApiServer>>
  let client: RestClient
  beforeAll(async () => {
    server = await startApiServer()
    client = new RestClient({ server: server.url, namespace: 'default' }, { qps: 0, component: 'client-int-test' })
    await eventually(async () => await client.resource(resources.namespaces).get('', 'default').then(() => true, () => false))
  })
  afterAll(async () => { client.close(); await server.stop() })

  const cm = (name: string, label: string, data: Record<string, string> = {}): ConfigMap =>
    ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', labels: { test: label } }, data })

  it('maps apiserver errors to ApiError predicates', async () => {
    const cms = client.resource<ConfigMap>(resources.configMaps)
    const label = randomUUID().slice(0, 8)
    expect(isNotFound(await failure(cms.get('default', `missing-${label}`)))).toBe(true)
    const created = await cms.create('default', cm(`dup-${label}`, label))
    expect(isAlreadyExists(await failure(cms.create('default', cm(`dup-${label}`, label))))).toBe(true)
    await cms.update('default', { ...created, data: { a: '1' } })
    expect(isConflict(await failure(cms.update('default', { ...created, data: { a: '2' } })))).toBe(true)
  })

  it('keeps an informer cache in step with creates, updates and deletes', async () => {
    const label = randomUUID().slice(0, 8)
    const cms = client.resource<ConfigMap>(resources.configMaps)
    await cms.create('default', cm(`pre-${label}`, label))
    const ctl = new AbortController()
    const inf = new Informer<ConfigMap>(cms, { namespace: 'default', labelSelector: `test=${label}`, name: 'configmaps' })
    const log: string[] = []
    inf.addEventHandler({
      onAdd: o => log.push(`add ${o.metadata.name}`),
      onUpdate: (a, b) => { if (a.metadata.resourceVersion !== b.metadata.resourceVersion) log.push(`update ${b.metadata.name}`) },
      onDelete: o => log.push(`delete ${'key' in o ? o.key : o.metadata.name}`)
    })
    const running = inf.run(ctl.signal)
    try {
      expect(await waitForCacheSync(ctl.signal, inf)).toBe(true)
      const created = await cms.create('default', cm(`live-${label}`, label, { v: '1' }))
      await cms.patch('default', `live-${label}`, 'merge', { data: { v: '2' } })
      await cms.create('default', cm(`other-${label}`, `not-${label}`))
      await cms.delete('default', `pre-${label}`)
      await eventually(() => log.length >= 4)
      expect(log).toEqual([`add pre-${label}`, `add live-${label}`, `update live-${label}`, `delete pre-${label}`])
      expect(inf.lister().get('default', `live-${label}`)?.data).toEqual({ v: '2' })
      expect(inf.lister().list('default').map(o => o.metadata.name)).toEqual([`live-${label}`])
      expect(Number(inf.lastSyncResourceVersion())).toBeGreaterThan(Number(created.metadata.resourceVersion))
    } finally {
      ctl.abort()
      await running
    }
  })

  it('elects exactly one leader on a real Lease and hands over after release', async () => {
    const name = `lock-${randomUUID().slice(0, 8)}`
    const leases = client.resource<never>(resources.leases)
    const started: string[] = []
    const candidate = (identity: string): { ctl: AbortController, done: Promise<string> } => {
      const ctl = new AbortController()
      const done = runLeaderElection({
        client: leases, namespace: 'kube-system', name, identity, signal: ctl.signal, releaseOnCancel: true,
        leaseDurationMs: 3000, renewDeadlineMs: 2000, retryPeriodMs: 500,
        onStartedLeading: async (signal) => { started.push(identity); await new Promise(resolve => signal.addEventListener('abort', resolve, { once: true })) },
        onStoppedLeading: () => {}
      })
      return { ctl, done }
    }
    const a = candidate('a')
    await eventually(() => started.length === 1)
    const b = candidate('b')
    await new Promise(resolve => setTimeout(resolve, 1500))
    expect(started).toEqual(['a'])
    a.ctl.abort()
    expect(await a.done).toBe('canceled')
    await eventually(() => started.length === 2)
    expect(started).toEqual(['a', 'b'])
    const lease = await client.resource<{ spec: Record<string, unknown> }>(resources.leases).get('kube-system', name)
    expect(lease.spec).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 })
    expect(lease.spec.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
    b.ctl.abort()
    await b.done
  })

  it('records an event and aggregates its repeat into count 2', async () => {
    const label = randomUUID().slice(0, 8)
    const obj = await client.resource<ConfigMap>(resources.configMaps).create('default', cm(`ev-${label}`, label))
    const rec = new EventRecorder({ client: client.resource(resources.events), component: 'client-int-test' })
    rec.warning(obj, 'TestReason', 'something happened')
    rec.warning(obj, 'TestReason', 'something happened')
    await rec.flush()
    const events = await client.resource<{ involvedObject: { name: string }, count: number, reason: string }>(resources.events).list('default', { fieldSelector: `involvedObject.name=ev-${label}` })
    expect(events.items.filter(e => e.involvedObject.name === `ev-${label}`).map(e => ({ reason: e.reason, count: e.count }))).toEqual([{ reason: 'TestReason', count: 2 }])
  })
})
