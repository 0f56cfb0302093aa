import { parsePodTopologySpreadArgs } from './args.js'

describe('parsePodTopologySpreadArgs', () => {
  it.each<{ name: string, raw?: Record<string, unknown>, type: string, problems: string[] }>([
    { name: 'defaults to System with no constraints', raw: undefined, type: 'System', problems: [] },
    { name: 'accepts List with constraints', raw: { defaultingType: 'List', defaultConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] }, type: 'List', problems: [] },
    { name: 'accepts List with no constraints (no default spreading)', raw: { defaultingType: 'List' }, type: 'List', problems: [] },
    { name: 'rejects an unknown defaultingType', raw: { defaultingType: 'Auto' }, type: 'System', problems: ['defaultingType: Unsupported value: "Auto": supported values: "System", "List"'] },
    { name: 'rejects System with constraints', raw: { defaultConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] }, type: 'System', problems: ['defaultingType: Invalid value: "System": when .defaultConstraints are not empty'] },
    {
      name: 'reports every bad field of a constraint',
      raw: { defaultingType: 'List', defaultConstraints: [{ maxSkew: 0, topologyKey: '', whenUnsatisfiable: 'Maybe', labelSelector: { matchLabels: { a: 'b' } } }] },
      type: 'List',
      problems: [
        'defaultConstraints[0].maxSkew: Invalid value: 0: not in valid range (0, inf)',
        'defaultConstraints[0].topologyKey: Required value: can not be empty',
        'defaultConstraints[0].whenUnsatisfiable: Unsupported value: "Maybe": supported values: "DoNotSchedule", "ScheduleAnyway"',
        'defaultConstraints[0].labelSelector: Forbidden: constraint must not define a selector, as they deduced for each pod'
      ]
    },
    {
      name: 'rejects a repeated topologyKey and action pair',
      raw: { defaultingType: 'List', defaultConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }, { maxSkew: 2, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] },
      type: 'List',
      problems: ['defaultConstraints[1]: Duplicate value: {"zone", "DoNotSchedule"}']
    }
  ])('$name', ({ raw, type, problems }) => {
    const out = parsePodTopologySpreadArgs(raw)
    expect(out.args.defaultingType).toBe(type)
    expect(out.problems).toEqual(problems)
  })
})
