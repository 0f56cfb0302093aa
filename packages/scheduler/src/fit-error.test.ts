import { fitErrorMessage, histogramMessage } from './fit-error.js'
import { Status } from './framework/status.js'

describe('FitError messages', () => {
  it.each([
    {
      name: 'counts reasons and sorts the "count reason" strings as upstream',
      statuses: [['n1', Status.unresolvable('node(s) had untolerated taint {node-role: master}')], ['n2', Status.unschedulable('Insufficient cpu')], ['n3', Status.unschedulable('Insufficient cpu')]] as const,
      want: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role: master}, 2 Insufficient cpu.'
    },
    {
      name: 'counts every reason of a node that fails several resources',
      statuses: [['n1', Status.unschedulable('Insufficient cpu', 'Insufficient memory')], ['n2', Status.unresolvable("node(s) didn't match Pod's node affinity/selector")]] as const,
      want: "0/2 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector."
    }
  ])('$name', ({ statuses, want }) => {
    expect(fitErrorMessage(statuses.length, new Map(statuses.map(([k, v]) => [k, v])))).toBe(want)
  })

  it('appends the preemption message after a space', () => {
    const msg = fitErrorMessage(1, new Map([['n', Status.unschedulable('Insufficient cpu')]]), 'preemption: ' + histogramMessage(1, new Map([['No preemption victims found for incoming pod', 1]])))
    expect(msg).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.')
  })

  it('reports an empty cluster with upstream\'s ErrNoNodesAvailable text', () => {
    expect(fitErrorMessage(0, new Map())).toBe('no nodes available to schedule pods')
  })
})
