import type { Pod } from 'kubernetes-types/core/v1.js'
import { makePod } from '../testing/builders.js'
import { Nominator } from './nominator.js'

const pending = (name: string, nominated?: string): Pod => ({ ...makePod(name), status: nominated === undefined ? {} : { nominatedNodeName: nominated } })
const names = (n: Nominator, node: string): string[] => n.nominatedPodsForNode(node).map(p => p.metadata?.name ?? '').sort()

describe('Nominator', () => {
  it.each([
    { name: 'records a pod under its status.nominatedNodeName', steps: (n: Nominator) => { n.add(pending('p', 'a')) }, want: { a: ['p'], b: [] } },
    { name: 'ignores a pod without a nomination', steps: (n: Nominator) => { n.add(pending('p')) }, want: { a: [], b: [] } },
    { name: 'lets an explicit node (this scheduler\'s preemption) override the status', steps: (n: Nominator) => { n.add(pending('p', 'a'), 'b') }, want: { a: [], b: ['p'] } },
    { name: 'moves a re-nominated pod instead of listing it twice', steps: (n: Nominator) => { n.add(pending('p', 'a')); n.update(pending('p', 'a'), pending('p', 'b')) }, want: { a: [], b: ['p'] } },
    { name: 'keeps an in-memory nomination while the status write has not landed', steps: (n: Nominator) => { n.add(pending('p'), 'a'); n.update(pending('p'), pending('p')) }, want: { a: ['p'], b: [] } },
    { name: 'drops the nomination when the status clears it', steps: (n: Nominator) => { n.add(pending('p', 'a')); n.update(pending('p', 'a'), pending('p')) }, want: { a: [], b: [] } },
    { name: 'drops a deleted pod', steps: (n: Nominator) => { n.add(pending('p', 'a')); n.add(pending('q', 'a')); n.delete(pending('p')) }, want: { a: ['q'], b: [] } },
    { name: 'never nominates an assigned pod', steps: (n: Nominator) => { n.add({ ...pending('p', 'a'), spec: { containers: [], nodeName: 'a' } }) }, want: { a: [], b: [] } },
    { name: 'clears the nomination when an empty node name is given', steps: (n: Nominator) => { n.add(pending('p', 'a')); n.add(pending('p', 'a'), '') }, want: { a: [], b: [] } }
  ])('$name', ({ steps, want }) => {
    const n = new Nominator()
    steps(n)
    expect({ a: names(n, 'a'), b: names(n, 'b') }).toEqual(want)
  })
})
