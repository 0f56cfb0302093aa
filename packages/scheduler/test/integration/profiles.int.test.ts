import type { Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import { parseConfig } from '../../src/config/load-config.js'
import { boundNode, createNode, node, pod, startCluster } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

// Two profiles from one KubeSchedulerConfiguration: the default spreads (LeastAllocated), "bin-packing" packs (MostAllocated).
const config = parseConfig([
  'apiVersion: kubescheduler.config.k8s.io/v1',
  'kind: KubeSchedulerConfiguration',
  'profiles:',
  '- schedulerName: default-scheduler',
  '- schedulerName: bin-packing',
  '  plugins:',
  '    score:',
  '      disabled: [{name: "*"}]',
  '      enabled: [{name: NodeResourcesFit, weight: 1}]',
  '  pluginConfig:',
  '  - name: NodeResourcesFit',
  '    args: {scoringStrategy: {type: MostAllocated, resources: [{name: cpu, weight: 1}]}}'
].join('\n'))

const cpu = (m: string, schedulerName?: string): Pod['spec'] => ({ schedulerName, containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: m } } }] })

describe('kube-scheduler profiles from --config', () => {
  let c: Cluster
  beforeAll(async () => {
    c = await startCluster()
    await createNode(c.client, node('busy', { cpu: '4' }))
    await createNode(c.client, node('idle', { cpu: '4' }))
    c.startScheduler({}, { config })
    await c.client.resource<Pod>(resources.pods).create('default', pod('seed', { ...cpu('2'), nodeName: 'busy' }))
  })
  afterAll(async () => { await c.stop() })

  it.each([
    { name: 'the default profile spreads onto the emptier node', p: pod('spread', cpu('500m')), want: 'idle' },
    { name: 'the bin-packing profile packs onto the busier node', p: pod('packed', cpu('500m', 'bin-packing')), want: 'busy' }
  ])('$name', async ({ p, want }) => {
    await c.client.resource<Pod>(resources.pods).create('default', p)
    expect(await boundNode(c.client, p.metadata?.name ?? '')).toBe(want)
  })

  it('leaves pods for an unknown scheduler name alone', async () => {
    await c.client.resource<Pod>(resources.pods).create('default', pod('foreign', cpu('100m', 'someone-else')))
    await new Promise(r => setTimeout(r, 1000))
    expect((await c.client.resource<Pod>(resources.pods).get('default', 'foreign')).spec?.nodeName).toBeUndefined()
  })
})
