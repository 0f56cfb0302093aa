import { makeNode, makePod, nodeInfo } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import type { NodeInfo } from '../../node-info.js'
import { calculatePriority, ImageLocality, normalizedImageName } from './image-locality.js'

const MB = 1024 * 1024

describe('ImageLocality', () => {
  it.each([
    { name: 'adds :latest to an untagged image', image: 'nginx', want: 'nginx:latest' },
    { name: 'keeps a tag', image: 'nginx:1.27', want: 'nginx:1.27' },
    { name: 'keeps a registry port without mistaking it for a tag', image: 'reg:5000/app', want: 'reg:5000/app:latest' },
    { name: 'keeps a digest', image: 'app@sha256:abc', want: 'app@sha256:abc' }
  ])('$name', ({ image, want }) => { expect(normalizedImageName(image)).toBe(want) })

  it.each([
    { name: 'scores 0 below the 23 MB threshold', sum: 10 * MB, containers: 1, want: 0 },
    { name: 'scores 100 at the 1000 MB per container threshold', sum: 1000 * MB, containers: 1, want: 100 },
    { name: 'scales linearly in between', sum: (23 + 977 / 2) * MB, containers: 1, want: 50 }
  ])('$name', ({ sum, containers, want }) => { expect(calculatePriority(sum, containers)).toBe(want) })

  it('prefers the node that has the image, weighted by how many nodes have it', () => {
    const img = { names: ['docker.io/library/big:1'], sizeBytes: 500 * MB }
    const nodes: NodeInfo[] = [nodeInfo(makeNode('has', { images: [{ names: ['big:1'], sizeBytes: 500 * MB }] })), nodeInfo(makeNode('other', { images: [img] })), nodeInfo(makeNode('none'))]
    const plugin = new ImageLocality({ nodeInfos: () => nodes, nodeInfo: () => undefined })
    const pod = makePod('p', { containers: [{ name: 'c', image: 'big:1' }] })
    const [has, , none] = nodes.map(n => plugin.score(new CycleState(), pod, n))
    expect(has).toBeGreaterThan(0)
    expect(none).toBe(0)
  })
})

describe('ImageLocality PreScore', () => {
  it('skips scoring when no node has any of the pod images', () => {
    const nodes = [nodeInfo(makeNode('a', { images: [{ names: ['other:1'], sizeBytes: 500 * MB }] }))]
    const plugin = new ImageLocality({ nodeInfos: () => nodes, nodeInfo: () => undefined })
    expect(plugin.preScore(new CycleState(), makePod('p', { containers: [{ name: 'c', image: 'big:1' }] })).isSkip()).toBe(true)
  })
})
