import type { PodSpec } from 'kubernetes-types/core/v1.js'
import { makeNode, makePod, nodeInfo, withRequests } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import { podRequests } from '../../resources.js'
import { Code } from '../../status.js'
import { NodeResourcesFit } from './fit.js'

describe('NodeResourcesFit filter', () => {
  const existing = makePod('existing', withRequests('1500m', '2Gi'))
  it.each<{ name: string, spec: Partial<PodSpec>, node?: { cpu?: string, memory?: string, pods?: string }, want: Code, reasons?: string[] }>([
    { name: 'passes a pod that fits beside the existing one', spec: withRequests('500m', '1Gi'), want: Code.Success },
    { name: 'reports Insufficient cpu', spec: withRequests('600m'), want: Code.Unschedulable, reasons: ['Insufficient cpu'] },
    { name: 'reports Insufficient memory', spec: withRequests(undefined, '3Gi'), want: Code.Unschedulable, reasons: ['Insufficient memory'] },
    { name: 'reports both in upstream order', spec: withRequests('1', '3Gi'), want: Code.Unschedulable, reasons: ['Insufficient cpu', 'Insufficient memory'] },
    { name: 'reports Too many pods when the pod slots are used', spec: {}, node: { pods: '1' }, want: Code.Unschedulable, reasons: ['Too many pods'] },
    {
      name: 'counts the largest init container when it exceeds the app containers',
      spec: { initContainers: [{ name: 'i', image: 'x', resources: { requests: { cpu: '600m' } } }], ...withRequests('100m') },
      want: Code.Unschedulable,
      reasons: ['Insufficient cpu']
    },
    { name: 'adds pod overhead to the requests', spec: { ...withRequests('400m'), overhead: { cpu: '200m' } }, want: Code.Unschedulable, reasons: ['Insufficient cpu'] },
    {
      name: 'reports an extended resource the node lacks',
      spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { 'example.com/gpu': '1' } } }] },
      want: Code.Unschedulable,
      reasons: ['Insufficient example.com/gpu']
    }
  ])('$name', ({ spec, node, want, reasons }) => {
    const info = nodeInfo(makeNode('n', { cpu: node?.cpu ?? '2', memory: node?.memory ?? '4Gi', pods: node?.pods ?? '110' }), existing)
    const plugin = new NodeResourcesFit()
    const state = new CycleState()
    const pod = makePod('p', spec)
    plugin.preFilter(state, pod)
    const s = plugin.filter(state, pod, info)
    expect(s.code).toBe(want)
    if (reasons !== undefined) expect(s.reasons).toEqual(reasons)
  })
})

describe('NodeResourcesFit filter with ignoredResources', () => {
  const gpuPod = makePod('p', { containers: [{ name: 'c', image: 'x', resources: { requests: { 'example.com/gpu': '1', cpu: '100m' } } }] })
  it.each([
    { name: 'passes a pod whose only missing resource is ignored', ignored: ['example.com/gpu'], want: Code.Success },
    { name: 'rejects the same pod when nothing is ignored', ignored: [], want: Code.Unschedulable }
  ])('$name', ({ ignored, want }) => {
    const plugin = new NodeResourcesFit({ ignoredResources: ignored })
    const state = new CycleState()
    plugin.preFilter(state, gpuPod)
    expect(plugin.filter(state, gpuPod, nodeInfo(makeNode('n', { cpu: '2', memory: '4Gi' }))).code).toBe(want)
  })
})

describe('podRequests', () => {
  it.each([
    { name: 'sums app containers', spec: { containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }, { name: 'b', resources: { requests: { cpu: '200m' } } }] }, milli: 300 },
    { name: 'takes the max of the sum and each init container', spec: { containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }], initContainers: [{ name: 'i', resources: { requests: { cpu: '1' } } }] }, milli: 1000 },
    { name: 'adds restartable init containers (sidecars) to the sum', spec: { containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }], initContainers: [{ name: 's', restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } }] }, milli: 150 },
    { name: 'adds overhead', spec: { containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }], overhead: { cpu: '10m' } }, milli: 110 }
  ])('$name', ({ spec, milli }) => {
    expect(podRequests(makePod('p', spec as Partial<PodSpec>)).milliCpu).toBe(milli)
  })

  it('uses the scoring defaults for missing requests when asked', () => {
    expect(podRequests(makePod('p'), true)).toMatchObject({ milliCpu: 100, memory: 200 * 1024 * 1024 })
  })
})

describe('NodeResourcesFit score strategies', () => {
  // node: 4 cpu / 8Gi with 1 cpu / 2Gi used; pod asks 1 cpu / 2Gi -> 50% cpu, 50% memory after placing
  const info = nodeInfo(makeNode('n', { cpu: '4', memory: '8Gi' }), makePod('e', withRequests('1', '2Gi')))
  const pod = makePod('p', withRequests('1', '2Gi'))
  it.each([
    { name: 'LeastAllocated favours free capacity', strategy: { type: 'LeastAllocated' as const }, want: 50 },
    { name: 'MostAllocated favours packing', strategy: { type: 'MostAllocated' as const }, want: 50 },
    { name: 'MostAllocated weighs resources', strategy: { type: 'MostAllocated' as const, resources: [{ name: 'cpu', weight: 3 }, { name: 'memory', weight: 1 }] }, want: 50 },
    {
      name: 'RequestedToCapacityRatio follows the shape (0% -> 0, 100% -> 10)',
      strategy: { type: 'RequestedToCapacityRatio' as const, requestedToCapacityRatio: { shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 10 }] } },
      want: 50
    },
    {
      name: 'RequestedToCapacityRatio interpolates a bin-packing shape',
      strategy: { type: 'RequestedToCapacityRatio' as const, requestedToCapacityRatio: { shape: [{ utilization: 0, score: 0 }, { utilization: 80, score: 8 }, { utilization: 100, score: 0 }] } },
      want: 50
    }
  ])('$name', ({ strategy, want }) => {
    expect(new NodeResourcesFit({ scoringStrategy: strategy }).score(new CycleState(), pod, info)).toBe(want)
  })

  it('ranks an emptier node higher with LeastAllocated and lower with MostAllocated', () => {
    const empty = nodeInfo(makeNode('empty', { cpu: '4', memory: '8Gi' }))
    const least = new NodeResourcesFit()
    const most = new NodeResourcesFit({ scoringStrategy: { type: 'MostAllocated' } })
    expect(least.score(new CycleState(), pod, empty)).toBeGreaterThan(least.score(new CycleState(), pod, info))
    expect(most.score(new CycleState(), pod, empty)).toBeLessThan(most.score(new CycleState(), pod, info))
  })
})
