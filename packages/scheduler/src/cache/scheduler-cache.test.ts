import { makeNode, makePod, withRequests } from '../testing/builders.js'
import { SchedulerCache } from './scheduler-cache.js'

const bound = (name: string, node: string, cpu = '1'): ReturnType<typeof makePod> => makePod(name, { ...withRequests(cpu), nodeName: node })

describe('SchedulerCache', () => {
  it('counts an assumed pod at once and keeps counting it once the bound copy arrives', () => {
    const c = new SchedulerCache()
    c.addNode(makeNode('n'))
    const p = makePod('p', withRequests('1'))
    c.assumePod(p, 'n')
    expect(c.isAssumed(p)).toBe(true)
    expect(c.nodeInfo('n')?.requested.milliCpu).toBe(1000)
    // the scoring view (memory defaulted to 200Mi for a pod without a memory request) is counted too
    expect(c.nodeInfo('n')?.nonZeroRequested).toMatchObject({ milliCpu: 1000, memory: 200 * 1024 * 1024 })
    c.addPod(bound('p', 'n'))
    expect(c.isAssumed(p)).toBe(false)
    expect(c.nodeInfo('n')?.requested.milliCpu).toBe(1000)
    expect(c.nodeInfo('n')?.nonZeroRequested).toMatchObject({ milliCpu: 1000, memory: 200 * 1024 * 1024 })
    expect(c.nodeInfo('n')?.pods.size).toBe(1)
  })

  it.each([
    { name: 'forgets a failed assumption', act: (c: SchedulerCache) => { c.forgetPod(makePod('p')) }, cpu: 0 },
    { name: 'does not forget a pod that was confirmed', act: (c: SchedulerCache) => { c.addPod(bound('p', 'n')); c.forgetPod(makePod('p')) }, cpu: 1000 },
    { name: 'frees a pod that finished', act: (c: SchedulerCache) => { c.updatePod({ ...bound('p', 'n'), status: { phase: 'Succeeded' } }) }, cpu: 0 },
    { name: 'frees a deleted pod', act: (c: SchedulerCache) => { c.addPod(bound('p', 'n')); c.removePod(bound('p', 'n')) }, cpu: 0 }
  ])('$name', ({ act, cpu }) => {
    const c = new SchedulerCache()
    c.addNode(makeNode('n'))
    c.assumePod(makePod('p', withRequests('1')), 'n')
    act(c)
    expect(c.nodeInfo('n')?.requested.milliCpu).toBe(cpu)
  })

  it('holds pods seen before their node and offers the node only once it exists', () => {
    const c = new SchedulerCache()
    c.addPod(bound('early', 'late-node'))
    expect(c.nodeInfos()).toEqual([])
    c.addNode(makeNode('late-node'))
    expect(c.nodeInfos().map(n => [n.name, n.pods.size])).toEqual([['late-node', 1]])
  })

  it('lists nodes with required anti-affinity pods and counts nodes per image', () => {
    const c = new SchedulerCache()
    c.addNode(makeNode('a', { images: [{ names: ['nginx:1'], sizeBytes: 1 }] }))
    c.addNode(makeNode('b', { images: [{ names: ['docker.io/library/nginx:1', 'nginx:1'], sizeBytes: 1 }] }))
    expect(c.nodesWithRequiredAntiAffinity()).toEqual([])
    const anti = makePod('anti', { nodeName: 'b', affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone' }] } } })
    c.addPod(anti)
    expect(c.nodesWithRequiredAntiAffinity().map(n => n.name)).toEqual(['b'])
    c.removePod(anti)
    expect(c.nodesWithRequiredAntiAffinity()).toEqual([])
    expect(c.imageNumNodes('nginx:1')).toBe(2)
    c.updateNode(makeNode('a'))
    expect(c.imageNumNodes('nginx:1')).toBe(1)
  })
})
