import type { Node } from 'kubernetes-types/core/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { FakeRecorder } from '../../controller-utils/testing/fake-recorder.js'
import { CidrSet } from './cidr-set.js'
import { NodeIpamController } from './node-ipam-controller.js'

const node = (name: string, podCIDR?: string): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid: `${name}-uid` }, spec: podCIDR === undefined ? {} : { podCIDR, podCIDRs: [podCIDR] } })

function fixture (nodes: Node[], clusterCidr = '10.244.0.0/16', mask = 24) {
  const client = new FakeClient(() => 0)
  for (const n of nodes) client.seed(resources.nodes, n)
  const recorder = new FakeRecorder()
  const c = new NodeIpamController({ client, nodeInformer: new FakeInformer<Node>(nodes), recorder, logger: noopLogger, clock: new FakeClock(0), clusterCidr, nodeCidrMaskSize: mask })
  return { client, c, recorder }
}
const assignedCidrs = (client: FakeClient): string[] => client.actions.filter((a) => a.verb === 'patch').map((a) => (a.object as Node).spec?.podCIDR ?? '')

describe('NodeIpamController.sync', () => {
  it.each<{ name: string, nodes: Node[], sync: string[], want: string[] }>([
    { name: 'gives the first node the first /24', nodes: [node('a')], sync: ['a'], want: ['10.244.0.0/24'] },
    { name: 'skips subnets other nodes hold', nodes: [node('a', '10.244.0.0/24'), node('b', '10.244.2.0/24'), node('c')], sync: ['c'], want: ['10.244.1.0/24'] },
    { name: 'leaves a node that already has a CIDR alone', nodes: [node('a', '10.244.7.0/24')], sync: ['a'], want: [] },
    { name: 'never gives two nodes the same subnet before the cache catches up', nodes: [node('a'), node('b')], sync: ['a', 'b'], want: ['10.244.0.0/24', '10.244.1.0/24'] }
  ])('$name', async ({ nodes, sync, want }) => {
    const { client, c } = fixture(nodes)
    for (const n of sync) await c.sync(n)
    expect(assignedCidrs(client)).toEqual(want)
  })

  it('fails with a CIDRNotAvailable event when the range is exhausted', async () => {
    const { c, recorder } = fixture([node('a', '10.244.0.0/25'), node('b', '10.244.0.128/25'), node('c')], '10.244.0.0/24', 25)
    await expect(c.sync('c')).rejects.toThrow('no CIDR left')
    expect(recorder.events).toEqual(['Normal CIDRNotAvailable Node c status is now: CIDRNotAvailable'])
  })

  it.each([['10.244.0.0', 24], ['10.244.0.0/33', 24], ['10.244.0.0/16', 8]])('rejects cluster CIDR %s with mask %d', (cidr, mask) => {
    expect(() => new CidrSet(cidr, mask)).toThrow(expect.objectContaining({ code: 400 }))
  })
})
