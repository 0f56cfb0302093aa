import { applyStrategicMergePatch } from './strategic-merge-patch.js'
import { strategiesFromSchema } from './strategies.js'
import type { PatchStrategy } from '../schema/resource-schema.js'

const PS = 'spec.template.spec'
const table: Record<string, PatchStrategy> = {
  [`${PS}.containers`]: { strategy: 'merge', mergeKey: 'name' },
  [`${PS}.containers.ports`]: { strategy: 'merge', mergeKey: 'containerPort' },
  [`${PS}.containers.env`]: { strategy: 'merge', mergeKey: 'name' },
  [`${PS}.volumes`]: { strategy: 'merge,retainKeys', mergeKey: 'name' },
  'spec.strategy': { strategy: 'retainKeys' },
  'spec.ports': { strategy: 'merge', mergeKey: 'port' },
  'spec.podCIDRs': { strategy: 'merge' },
  'spec.selector': { strategy: 'replace' }
}
const strategies = strategiesFromSchema({ patchStrategies: table })

/** Wraps a pod spec fragment in a Deployment-shaped object. */
const dep = (ps: Record<string, unknown>): Record<string, unknown> => ({ spec: { template: { spec: ps } } })
const ctrs = (...names: string[]): Array<Record<string, unknown>> => names.map(name => ({ name }))

interface Case { name: string, original: unknown, patch: unknown, expected: unknown }

const cases: Case[] = [
  { name: 'S1 merges labels key by key', original: { metadata: { labels: { a: '1', b: '2' } } }, patch: { metadata: { labels: { b: '3', c: '4' } } }, expected: { metadata: { labels: { a: '1', b: '3', c: '4' } } } },
  { name: 'S2 deletes a label with null and ignores null on an absent key', original: { metadata: { labels: { a: '1', b: '2' } } }, patch: { metadata: { labels: { a: null, zz: null } } }, expected: { metadata: { labels: { b: '2' } } } },
  { name: 'S3 drops nulls inside a new subtree', original: { metadata: {} }, patch: { metadata: { labels: { a: '1', b: null } } }, expected: { metadata: { labels: { a: '1' } } } },
  { name: 'S4 merges containers by name keeping the original order', original: dep({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] }), patch: dep({ containers: [{ name: 'b', image: 'z' }] }), expected: dep({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'z' }] }) },
  { name: 'S5 puts a new container before the server-only ones', original: dep({ containers: [{ name: 'a' }] }), patch: dep({ containers: [{ name: 'c', image: 'q' }] }), expected: dep({ containers: [{ name: 'c', image: 'q' }, { name: 'a' }] }) },
  { name: 'S6 follows $setElementOrder when adding a container', original: dep({ containers: ctrs('a', 'b') }), patch: dep({ '$setElementOrder/containers': ctrs('a', 'c', 'b'), containers: [{ name: 'c', image: 'q' }] }), expected: dep({ containers: [{ name: 'a' }, { name: 'c', image: 'q' }, { name: 'b' }] }) },
  { name: 'S7 deletes every container with the named key', original: dep({ containers: ctrs('a', 'b', 'b') }), patch: dep({ containers: [{ $patch: 'delete', name: 'b' }] }), expected: dep({ containers: ctrs('a') }) },
  { name: 'S8 replaces the container list with $patch replace', original: dep({ containers: ctrs('a', 'b') }), patch: dep({ containers: [{ name: 'c', image: 'q' }, { $patch: 'replace' }] }), expected: dep({ containers: [{ name: 'c', image: 'q' }] }) },
  { name: 'S8 empties the list with a lone $patch replace element', original: dep({ containers: ctrs('a', 'b') }), patch: dep({ containers: [{ $patch: 'replace' }] }), expected: dep({ containers: [] }) },
  { name: 'S9 merges finalizers as a set with new items first', original: { metadata: { finalizers: ['a', 'b'] } }, patch: { metadata: { finalizers: ['c', 'b'] } }, expected: { metadata: { finalizers: ['c', 'a', 'b'] } } },
  { name: 'S10 deletes finalizers listed in $deleteFromPrimitiveList', original: { metadata: { finalizers: ['a', 'b', 'c'] } }, patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'x'] } }, expected: { metadata: { finalizers: ['a', 'c'] } } },
  { name: 'S10 deletes from a replace-strategy primitive list too', original: dep({ containers: [{ name: 'a', args: ['x', 'y', 'z'] }] }), patch: dep({ containers: [{ name: 'a', '$deleteFromPrimitiveList/args': ['y'] }] }), expected: dep({ containers: [{ name: 'a', args: ['x', 'z'] }] }) },
  { name: 'S11 reorders finalizers and ignores unknown order entries', original: { metadata: { finalizers: ['a', 'b', 'c'] } }, patch: { metadata: { '$setElementOrder/finalizers': ['c', 'a', 'b', 'q'] } }, expected: { metadata: { finalizers: ['c', 'a', 'b'] } } },
  { name: 'S12 keeps a server-only container ahead of later reordered ones', original: dep({ containers: ctrs('a', 'x', 'b') }), patch: dep({ '$setElementOrder/containers': ctrs('b', 'a') }), expected: dep({ containers: ctrs('x', 'b', 'a') }) },
  { name: 'S13 interleaves patch items with server-only items by original position', original: dep({ containers: [{ name: '1' }, { name: '2', image: 'b' }, { name: '3' }] }), patch: dep({ containers: [{ name: '3', image: 'c' }, { name: '1', image: 'a' }] }), expected: dep({ containers: [{ name: '2', image: 'b' }, { name: '3', image: 'c' }, { name: '1', image: 'a' }] }) },
  { name: 'S14 replaces a list without a strategy', original: dep({ tolerations: [{ key: 'a' }, { key: 'b' }] }), patch: dep({ tolerations: [{ key: 'c' }] }), expected: dep({ tolerations: [{ key: 'c' }] }) },
  { name: 'S15 clears rollingUpdate when $retainKeys keeps only type', original: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }, patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, expected: { spec: { strategy: { type: 'Recreate' } } } },
  { name: 'S17 keeps rollingUpdate without $retainKeys', original: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }, patch: { spec: { strategy: { type: 'Recreate' } } }, expected: { spec: { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } } } },
  { name: 'S18 applies $retainKeys inside a volume list item', original: dep({ volumes: [{ name: 'v', emptyDir: {} }] }), patch: dep({ volumes: [{ name: 'v', $retainKeys: ['name', 'secret'], secret: { secretName: 's' } }] }), expected: dep({ volumes: [{ name: 'v', secret: { secretName: 's' } }] }) },
  { name: 'S19 replaces labels with $patch replace', original: { metadata: { labels: { a: '1', b: '2' } } }, patch: { metadata: { labels: { $patch: 'replace', x: 'y' } } }, expected: { metadata: { labels: { x: 'y' } } } },
  { name: 'S20 drops a new map carrying $patch', original: { metadata: {} }, patch: { metadata: { labels: { $patch: 'replace', x: 'y' } } }, expected: { metadata: {} } },
  { name: 'S21 empties an existing map with $patch delete', original: { m: { a: 1 } }, patch: { m: { $patch: 'delete' } }, expected: { m: {} } },
  { name: 'S21 leaves an absent map absent with $patch delete', original: {}, patch: { m: { $patch: 'delete' } }, expected: {} },
  { name: 'merges container ports by containerPort', original: dep({ containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] }] }), patch: dep({ containers: [{ name: 'a', ports: [{ containerPort: 80, protocol: 'TCP' }] }] }), expected: dep({ containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443 }] }] }) },
  { name: 'deletes an env var by name with $patch delete', original: dep({ containers: [{ name: 'a', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }] }), patch: dep({ containers: [{ name: 'a', env: [{ name: 'A', $patch: 'delete' }] }] }), expected: dep({ containers: [{ name: 'a', env: [{ name: 'B', value: '2' }] }] }) },
  { name: 'merges env vars by name', original: dep({ containers: [{ name: 'a', env: [{ name: 'A', value: '1' }] }] }), patch: dep({ containers: [{ name: 'a', env: [{ name: 'A', value: '9' }] }] }), expected: dep({ containers: [{ name: 'a', env: [{ name: 'A', value: '9' }] }] }) },
  { name: 'reorders containers with $setElementOrder alongside a change', original: dep({ containers: [{ name: 'a', image: 'x' }, { name: 'b' }] }), patch: dep({ '$setElementOrder/containers': ctrs('b', 'a'), containers: [{ name: 'a', image: 'y' }] }), expected: dep({ containers: [{ name: 'b' }, { name: 'a', image: 'y' }] }) },
  { name: 'removes a field set to null', original: { spec: { replicas: 3, paused: true } }, patch: { spec: { replicas: null } }, expected: { spec: { paused: true } } },
  { name: 'replaces a map whose strategy is replace', original: { spec: { selector: { matchLabels: { a: '1' } } } }, patch: { spec: { selector: { matchExpressions: [] } } }, expected: { spec: { selector: { matchExpressions: [] } } } },
  { name: 'merges a primitive list with merge strategy as a set', original: { spec: { podCIDRs: ['10.0.0.0/24'] } }, patch: { spec: { podCIDRs: ['10.0.0.0/24', '10.0.1.0/24'] } }, expected: { spec: { podCIDRs: ['10.0.0.0/24', '10.0.1.0/24'] } } },
  { name: 'replaces a primitive list without a strategy', original: dep({ containers: [{ name: 'a', args: ['x', 'y'] }] }), patch: dep({ containers: [{ name: 'a', args: ['z'] }] }), expected: dep({ containers: [{ name: 'a', args: ['z'] }] }) },
  { name: 'merges owner references by uid', original: { metadata: { ownerReferences: [{ uid: 'u1', name: 'a' }] } }, patch: { metadata: { ownerReferences: [{ uid: 'u1', controller: true }] } }, expected: { metadata: { ownerReferences: [{ uid: 'u1', name: 'a', controller: true }] } } },
  { name: 'replaces a scalar with an object of another type', original: { m: 'x' }, patch: { m: { a: 1, b: null } }, expected: { m: { a: 1 } } },
  { name: 'treats a null patch as a no-op', original: { a: 1 }, patch: null, expected: { a: 1 } },
  { name: 'creates a list from the patch without its directives when the original has none', original: dep({}), patch: dep({ '$setElementOrder/containers': ctrs('x'), containers: [{ name: 'x' }, { name: 'z', $patch: 'delete' }] }), expected: dep({ containers: ctrs('x') }) },
  { name: 'does not create a list from a bare $setElementOrder', original: dep({}), patch: dep({ '$setElementOrder/containers': ctrs('a') }), expected: dep({}) },
  { name: 'K9 kubectl apply patch deleting a container', original: dep({ containers: ctrs('a', 'b') }), patch: dep({ '$setElementOrder/containers': ctrs('a'), containers: [{ $patch: 'delete', name: 'b' }] }), expected: dep({ containers: ctrs('a') }) },
  { name: 'K10 kubectl apply patch appending a container in order', original: dep({ containers: ctrs('a') }), patch: dep({ '$setElementOrder/containers': ctrs('a', 'n'), containers: [{ name: 'n', image: 'i' }] }), expected: dep({ containers: [{ name: 'a' }, { name: 'n', image: 'i' }] }) },
  { name: 'K11 kubectl apply patch removing a finalizer', original: { metadata: { finalizers: ['x', 'y'] } }, patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['x'], '$setElementOrder/finalizers': ['y'] } }, expected: { metadata: { finalizers: ['y'] } } },
  { name: 'K13 kubectl apply patch switching to Recreate', original: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }, patch: { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } }, expected: { spec: { strategy: { type: 'Recreate' } } } }
]

describe('applyStrategicMergePatch', () => {
  it.each(cases)('$name', ({ original, patch, expected }) => {
    const before = JSON.stringify(original)
    expect(applyStrategicMergePatch(original, patch, strategies)).toEqual(expected)
    expect(JSON.stringify(original)).toBe(before)
  })

  const errors: Array<{ name: string, original: unknown, patch: unknown, code: number, reason: string, message: string | RegExp }> = [
    { name: 'S16 rejects a patch key missing from $retainKeys', original: { spec: { strategy: { type: 'RollingUpdate' } } }, patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: { maxSurge: 2 } } } }, code: 400, reason: 'BadRequest', message: 'invalid patch format of retainKeys' },
    { name: 'rejects a $retainKeys that is not a list', original: { spec: {} }, patch: { spec: { $retainKeys: 'type' } }, code: 400, reason: 'BadRequest', message: 'invalid patch format of retainKeys' },
    { name: 'S22 fails when a patch item lacks the merge key', original: dep({ containers: ctrs('a') }), patch: dep({ containers: [{ image: 'nginx' }] }), code: 500, reason: '', message: 'map: map[image:nginx] does not contain declared merge key: name' },
    { name: 'S24 fails when the patch list order contradicts $setElementOrder', original: dep({ containers: ctrs('a', 'c', 'b') }), patch: dep({ '$setElementOrder/containers': ctrs('a', 'b'), containers: ctrs('b', 'a') }), code: 500, reason: '', message: /doesn't match \$setElementOrder list/ },
    { name: 'rejects $patch merge on a map like upstream code', original: { m: { a: 1 } }, patch: { m: { $patch: 'merge', b: 1 } }, code: 500, reason: '', message: 'unknown patch type: merge in map: map[$patch:merge b:1]' },
    { name: 'rejects an unknown $patch value in a list element', original: dep({ containers: ctrs('a') }), patch: dep({ containers: [{ name: 'a', $patch: 'frob' }] }), code: 500, reason: '', message: 'unknown patch type: frob in map: map[$patch:frob name:a]' },
    { name: 'rejects an unknown directive', original: {}, patch: { spec: { $frob: 1 } }, code: 400, reason: 'BadRequest', message: /unknown directive/ },
    { name: 'rejects a $deleteFromPrimitiveList without a field', original: {}, patch: { spec: { '$deleteFromPrimitiveList/': ['a'] } }, code: 400, reason: 'BadRequest', message: 'invalid patch format of primitive list' },
    { name: 'rejects a $setElementOrder without a field', original: {}, patch: { spec: { '$setElementOrder/': ['a'] } }, code: 400, reason: 'BadRequest', message: 'invalid patch format of setElementOrder list' },
    { name: 'rejects lists of lists with the generic 422', original: { spec: { podCIDRs: [['a']] } }, patch: { spec: { podCIDRs: [['b']] } }, code: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request' },
    { name: 'rejects a body that is not an object', original: {}, patch: [1], code: 400, reason: 'BadRequest', message: /cannot unmarshal array/ },
    { name: 'rejects a __proto__ key', original: {}, patch: JSON.parse('{"metadata":{"__proto__":{"polluted":true}}}'), code: 400, reason: 'BadRequest', message: /__proto__/ }
  ]
  it.each(errors)('$name', ({ original, patch, code, reason, message }) => {
    let caught: unknown
    try { applyStrategicMergePatch(original, patch, strategies) } catch (err) { caught = err }
    expect(caught).toMatchObject({ code, reason })
    expect((caught as Error).message).toMatch(message)
  })

  it('never pollutes Object.prototype', () => {
    const patch = JSON.parse('{"constructor":{"prototype":{"polluted":true}}}')
    expect(() => applyStrategicMergePatch({}, patch, strategies)).toThrow()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
