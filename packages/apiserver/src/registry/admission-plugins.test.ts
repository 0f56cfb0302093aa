import { buildOptions, defaultRawOptions } from '../options.js'
import { disabledAdmissionPluginsOf } from './admission-plugins.js'

describe('--disable-admission-plugins', () => {
  it.each([
    { name: 'is empty by default', raw: undefined, want: [], problems: [] },
    { name: 'splits a comma-separated list and trims it', raw: 'Priority, ServiceAccount', want: ['Priority', 'ServiceAccount'], problems: [] },
    { name: 'reports an unknown plugin as upstream does', raw: 'Priorty', want: ['Priorty'], problems: ['disable-admission-plugins plugin "Priorty" is unknown'] }
  ])('$name', ({ raw, want, problems }) => {
    const found: string[] = []
    expect(disabledAdmissionPluginsOf(raw, found)).toEqual(want)
    expect(found).toEqual(problems)
  })

  it('reaches the built options', () => {
    const { options, problems } = buildOptions({ ...defaultRawOptions, etcdServers: 'http://127.0.0.1:2379', insecureServePlainHttp: true, disableAdmissionPlugins: 'Priority' })
    expect([options.disabledAdmissionPlugins, problems]).toEqual([['Priority'], []])
  })
})
