import { SharedInformerFactory } from './shared-informer-factory.js'
import { nodes, pods } from './resources.js'
import type { ResourceDescriptor } from './resources.js'
import { FakeListWatch, list } from './__tests__/fake-list-watch.js'
import { flush, ManualClock } from './__tests__/fake-clock.js'

describe('SharedInformerFactory', () => {
  function factory (): { f: SharedInformerFactory, made: ResourceDescriptor[], sources: Array<FakeListWatch<unknown>> } {
    const made: ResourceDescriptor[] = []
    const sources: Array<FakeListWatch<unknown>> = []
    const f = new SharedInformerFactory(undefined, {
      clock: new ManualClock(),
      listerWatcher: (desc) => {
        made.push(desc)
        const lw = new FakeListWatch<unknown>()
        lw.lists.push(() => list([{ metadata: { name: `${desc.resource}-1`, resourceVersion: '1' } }], '1'))
        sources.push(lw)
        return lw
      }
    })
    return { f, made, sources }
  }

  it.each([
    { name: 'shares one informer for the same resource and scope', a: [pods, {}] as const, b: [pods, {}] as const, same: true },
    { name: 'separates different resources', a: [pods, {}] as const, b: [nodes, {}] as const, same: false },
    { name: 'separates different namespaces', a: [pods, { namespace: 'a' }] as const, b: [pods, { namespace: 'b' }] as const, same: false },
    { name: 'separates different field selectors', a: [pods, { fieldSelector: 'spec.nodeName=n1' }] as const, b: [pods, {}] as const, same: false }
  ])('$name', ({ a, b, same }) => {
    const { f } = factory()
    expect(f.forResource(a[0], a[1]) === f.forResource(b[0], b[1])).toBe(same)
  })

  it('starts every informer, syncs them and stops them on abort', async () => {
    const { f, sources } = factory()
    const p = f.forResource(pods)
    const n = f.forResource(nodes)
    const ctl = new AbortController()
    f.start(ctl.signal)
    f.start(ctl.signal) // idempotent
    expect(await f.waitForCacheSync(ctl.signal)).toBe(true)
    expect(p.lister().list().length + n.lister().list().length).toBe(2)
    expect(n.lister().get('', 'nodes-1')).toMatchObject({ apiVersion: 'v1', kind: 'Node' })
    expect(sources.map(s => s.listCalls.length)).toEqual([1, 1])
    ctl.abort()
    await f.shutdown()
    await flush()
  })
})
