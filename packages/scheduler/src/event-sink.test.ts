import { noopLogger } from '@kube-ts/client'
import type { EventApi } from '@kube-ts/client'
import { SchedulerEventSink } from './event-sink.js'
import { makePod } from './testing/builders.js'

function fakeApi (): { api: EventApi, created: unknown[], release: () => void } {
  const created: unknown[] = []
  let gate: () => void = () => {}
  const open = new Promise<void>((resolve) => { gate = resolve })
  const api = {
    create: async (_ns: string, ev: unknown) => { await open; created.push(ev); return ev },
    patch: async (_ns: string, _name: string, _t: string, body: unknown) => { created.push(body); return body }
  } as unknown as EventApi
  return { api, created, release: () => gate() }
}

describe('SchedulerEventSink', () => {
  it('writes every event when under the limit', async () => {
    const { api, created, release } = fakeApi()
    const sink = new SchedulerEventSink({ client: api, component: 'default-scheduler' }, noopLogger, 4, 100)
    for (let i = 0; i < 10; i++) sink.record(makePod(`p${i}`), 'Normal', 'Scheduled', `Successfully assigned default/p${i} to n`)
    release()
    await sink.flush(1000)
    expect(created).toHaveLength(10)
  })

  it('drops events beyond maxPending instead of queueing without bound', async () => {
    const { api, created, release } = fakeApi()
    const sink = new SchedulerEventSink({ client: api, component: 'default-scheduler' }, noopLogger, 2, 5)
    for (let i = 0; i < 20; i++) sink.record(makePod(`p${i}`), 'Normal', 'Scheduled', 'm')
    release()
    await sink.flush(1000)
    expect(created).toHaveLength(5)
  })
})
