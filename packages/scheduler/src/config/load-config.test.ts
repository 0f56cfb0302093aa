import { InvalidConfigError, parseConfig } from './load-config.js'
import { resolvePlugins } from './resolve-plugins.js'

describe('parseConfig', () => {
  it('applies upstream defaults to an empty document', () => {
    expect(parseConfig('')).toMatchObject({ percentageOfNodesToScore: 0, podInitialBackoffSeconds: 1, podMaxBackoffSeconds: 10, profiles: [{ schedulerName: 'default-scheduler' }] })
  })

  it('reads profiles, plugin sets and percentageOfNodesToScore', () => {
    const cfg = parseConfig([
      'apiVersion: kubescheduler.config.k8s.io/v1',
      'kind: KubeSchedulerConfiguration',
      'percentageOfNodesToScore: 30',
      'profiles:',
      '- schedulerName: default-scheduler',
      '- schedulerName: bin-packing',
      '  percentageOfNodesToScore: 100',
      '  plugins:',
      '    score:',
      '      disabled: [{name: NodeResourcesBalancedAllocation}]',
      '      enabled: [{name: NodeResourcesFit, weight: 5}]',
      '  pluginConfig:',
      '  - name: NodeResourcesFit',
      '    args: {scoringStrategy: {type: MostAllocated}}'
    ].join('\n'))
    expect(cfg.percentageOfNodesToScore).toBe(30)
    expect(cfg.profiles.map(p => p.schedulerName)).toEqual(['default-scheduler', 'bin-packing'])
    expect(cfg.profiles[1]?.percentageOfNodesToScore).toBe(100)
  })

  it.each([
    { name: 'rejects another apiVersion', text: 'apiVersion: kubescheduler.config.k8s.io/v1beta3', problem: /apiVersion: Unsupported value/ },
    { name: 'rejects a percentage above 100', text: 'percentageOfNodesToScore: 150', problem: /percentageOfNodesToScore: Invalid value: 150/ },
    { name: 'rejects duplicate profile names', text: 'profiles: [{schedulerName: a}, {schedulerName: a}]', problem: /Duplicate value: "a"/ },
    { name: 'rejects a max backoff below the initial one', text: 'podInitialBackoffSeconds: 5\npodMaxBackoffSeconds: 2', problem: /podMaxBackoffSeconds/ },
    { name: 'rejects an unknown plugin name', text: 'profiles: [{schedulerName: a, plugins: {filter: {enabled: [{name: Nope}]}}}]', problem: /plugin "Nope" does not exist/ },
    { name: 'rejects YAML that does not parse', text: 'profiles: [', problem: /cannot parse/ },
    {
      name: 'rejects PodTopologySpread args that upstream validation refuses',
      text: 'profiles: [{schedulerName: a, pluginConfig: [{name: PodTopologySpread, args: {defaultingType: System, defaultConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]}}]}]',
      problem: 'profiles[0].pluginConfig[0].args.defaultingType: Invalid value: "System": when .defaultConstraints are not empty'
    }
  ])('$name', ({ text, problem }) => {
    expect(() => parseConfig(text)).toThrow(InvalidConfigError)
    expect(() => parseConfig(text)).toThrow(problem)
  })

  it.each([
    { name: 'accepts List default constraints for PodTopologySpread', text: 'profiles: [{schedulerName: a, pluginConfig: [{name: PodTopologySpread, args: {defaultingType: List, defaultConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}]}}]}]' },
    { name: 'accepts a plugin name an embedder registered out of tree', text: 'profiles: [{schedulerName: a, plugins: {permit: {enabled: [{name: TestPermit}]}}}]', outOfTree: ['TestPermit'] }
  ])('$name', ({ text, outOfTree }) => {
    expect(() => parseConfig(text, new Set(outOfTree))).not.toThrow()
  })
})

describe('resolvePlugins', () => {
  it('enables the default multi-point plugins with upstream weights', () => {
    const { multiPoint } = resolvePlugins({ schedulerName: 'x' })
    expect(multiPoint.find(p => p.name === 'TaintToleration')?.weight).toBe(3)
    expect(multiPoint.find(p => p.name === 'PodTopologySpread')?.weight).toBe(2)
    expect(multiPoint.map(p => p.name)).toContain('DefaultPreemption')
  })

  it.each([
    { name: 'disables one plugin at one point', plugins: { filter: { disabled: [{ name: 'TaintToleration' }] } }, point: 'filter' as const, absent: 'TaintToleration', present: 'NodeAffinity' },
    { name: 'disables everything at a point with *', plugins: { score: { disabled: [{ name: '*' }], enabled: [{ name: 'ImageLocality', weight: 4 }] } }, point: 'score' as const, absent: 'NodeResourcesFit', present: 'ImageLocality' }
  ])('$name', ({ plugins, point, absent, present }) => {
    const names = (resolvePlugins({ schedulerName: 'x', plugins }).points[point] ?? []).map(p => p.name)
    expect(names).not.toContain(absent)
    expect(names).toContain(present)
  })

  it('overrides a weight from the score set', () => {
    const refs = resolvePlugins({ schedulerName: 'x', plugins: { score: { enabled: [{ name: 'NodeResourcesFit', weight: 5 }] } } }).points.score ?? []
    expect(refs.find(p => p.name === 'NodeResourcesFit')?.weight).toBe(5)
  })
})
