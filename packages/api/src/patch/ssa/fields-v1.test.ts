import { decodeFieldsV1, encodeFieldsV1 } from './fields-v1.js'
import { FieldSet, fieldPE, keyPE, pathString, valuePE, indexPE, type FieldPath } from './field-set.js'

const web = keyPE({ name: 'web' })
const port = keyPE({ protocol: 'TCP', containerPort: 80 })
const containers: FieldPath = ['f:spec', 'f:containers']

describe('FieldsV1 encoding', () => {
  it.each([
    {
      name: 'writes a lone leaf as an empty object',
      paths: [['f:data', 'f:a']],
      encoded: { 'f:data': { 'f:a': {} } }
    },
    {
      name: 'writes "." first for a member with member children and orders f: before k: before v:',
      paths: [[...containers, web], [...containers, web, 'f:name'], [...containers, web, 'f:ports', port], [...containers, web, 'f:ports', port, 'f:containerPort'], ['f:metadata', 'f:finalizers', valuePE('b')], ['f:metadata', 'f:finalizers', valuePE('a')], ['f:metadata', 'f:labels', 'f:x']],
      encoded: {
        'f:metadata': { 'f:finalizers': { 'v:"a"': {}, 'v:"b"': {} }, 'f:labels': { 'f:x': {} } },
        'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } } } }
      }
    }
  ])('$name', ({ paths, encoded }) => {
    const set = new FieldSet(paths)
    const out = encodeFieldsV1(set)
    expect(out).toEqual(encoded)
    expect(JSON.stringify(out)).toBe(JSON.stringify(encoded))
    expect(decodeFieldsV1(out).equals(set)).toBe(true)
  })

  it('ignores unknown prefixes when decoding', () => {
    expect(decodeFieldsV1({ 'f:a': {}, 'x:b': {} }).paths()).toEqual([['f:a']])
  })
})

describe('pathString', () => {
  it.each([
    { name: 'renders fields with dots', path: ['f:spec', 'f:replicas'], text: '.spec.replicas' },
    { name: 'renders a keyed item', path: [...containers, web, 'f:image'], text: '.spec.containers[name="web"].image' },
    { name: 'renders a multi-key item with sorted keys', path: ['f:ports', port], text: '.ports[containerPort=80,protocol="TCP"]' },
    { name: 'renders a set item', path: ['f:finalizers', valuePE('x')], text: '.finalizers[="x"]' },
    { name: 'renders an index', path: [fieldPE('l'), indexPE(2)], text: '.l[2]' }
  ])('$name', ({ path, text }) => {
    expect(pathString(path)).toBe(text)
  })
})
