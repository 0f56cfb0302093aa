import { checkKey, keyConflict, keyExists, keyNotFound, refFromKey } from './key-errors.js'
import { prefixEnd } from './key-range.js'

describe('refFromKey', () => {
  const cases = [
    { name: 'names a namespaced core resource', key: '/registry/pods/default/web', ref: { group: '', resource: 'pods' }, objName: 'web' },
    { name: 'names a cluster-scoped resource', key: '/registry/namespaces/kube-system', ref: { group: '', resource: 'namespaces' }, objName: 'kube-system' },
    { name: 'names a group-qualified custom resource', key: '/registry/example.com/widgets/ns/w1', ref: { group: 'example.com', resource: 'widgets' }, objName: 'w1' }
  ]
  it.each(cases)('$name', ({ key, ref, objName }) => {
    expect(refFromKey('/registry', key)).toEqual({ ref, name: objName })
  })

  it('builds upstream-shaped messages from keys', () => {
    expect(keyNotFound('/registry', '/registry/pods/default/web').message).toBe('pods "web" not found')
    expect(keyExists('/registry', '/registry/services/default/api').message).toBe('services "api" already exists')
    expect(keyConflict('/registry', '/registry/pods/default/web').message)
      .toBe('Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again')
  })
})

describe('checkKey', () => {
  const cases = [
    { name: 'accepts a key under the prefix', key: '/registry/pods/a', ok: true },
    { name: 'rejects a key sharing only the string prefix', key: '/registryx/pods/a', ok: false },
    { name: 'rejects the bare prefix', key: '/registry/', ok: false },
    { name: 'rejects a key elsewhere', key: '/other/pods/a', ok: false }
  ]
  it.each(cases)('$name', ({ key, ok }) => {
    if (ok) expect(() => { checkKey('/registry', key) }).not.toThrow()
    else expect(() => { checkKey('/registry', key) }).toThrow(expect.objectContaining({ code: 500 }))
  })
})

describe('prefixEnd', () => {
  const cases = [
    { name: 'increments the trailing slash of a list prefix', prefix: '/registry/pods/ns1/', end: '/registry/pods/ns10' },
    { name: 'increments the last byte of any prefix', prefix: 'abc', end: 'abd' }
  ]
  it.each(cases)('$name', ({ prefix, end }) => {
    expect(prefixEnd(prefix).toString()).toBe(end)
  })

  it('drops trailing 0xff bytes before incrementing', () => {
    expect([...prefixEnd(Buffer.from([0x61, 0xff, 0xff]))]).toEqual([0x62])
  })

  it('ranges to the end of the keyspace for an all-0xff prefix', () => {
    expect([...prefixEnd(Buffer.from([0xff]))]).toEqual([0])
  })
})
