import type { ObjectMeta } from 'kubernetes-types/meta/v1.js'
import { errInvalid, formatFieldError } from '../errors/api-error.js'
import { validateObjectMeta, type ObjectMetaOptions } from './object-meta.js'

const namespaced: ObjectMetaOptions = { namespaced: true }
const cluster: ObjectMetaOptions = { namespaced: false }

/** Compact view of the causes: "<field>: <type text>..." as upstream prints them. */
const causes = (meta: ObjectMeta | undefined, opts: ObjectMetaOptions): string[] => validateObjectMeta(meta, opts).map(formatFieldError)

describe('validateObjectMeta', () => {
  const cases: Array<{ name: string, meta: ObjectMeta | undefined, opts: ObjectMetaOptions, want: RegExp[] }> = [
    { name: 'a valid namespaced object has no errors', meta: { name: 'web', namespace: 'default', labels: { app: 'web' } }, opts: namespaced, want: [] },
    { name: 'a valid cluster-scoped object has no errors', meta: { name: 'node-1' }, opts: cluster, want: [] },
    { name: 'missing metadata needs a name and a namespace', meta: undefined, opts: namespaced, want: [/^metadata\.name: Required value: name or generateName is required$/, /^metadata\.namespace: Required value$/] },
    { name: 'generateName alone is enough', meta: { generateName: 'web-', namespace: 'default' }, opts: namespaced, want: [] },
    { name: 'a generateName that is not a valid prefix', meta: { generateName: 'Web-', namespace: 'default' }, opts: namespaced, want: [/^metadata\.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/] },
    { name: 'an upper-case name', meta: { name: 'Web', namespace: 'default' }, opts: namespaced, want: [/^metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of/] },
    { name: 'a dotted name where labels are required', meta: { name: 'a.b' }, opts: { namespaced: false, nameCheck: 'label' }, want: [/^metadata\.name: Invalid value: "a\.b": must not contain dots$/] },
    { name: 'path-segment names allow colons and capitals', meta: { name: 'system:Node' }, opts: { namespaced: false, nameCheck: 'path-segment' }, want: [] },
    { name: 'path-segment names may not contain a slash', meta: { name: 'a/b' }, opts: { namespaced: false, nameCheck: 'path-segment' }, want: [/^metadata\.name: Invalid value: "a\/b": may not contain '\/'$/] },
    { name: 'a namespace that is not a DNS label', meta: { name: 'x', namespace: 'my.ns' }, opts: namespaced, want: [/^metadata\.namespace: Invalid value: "my\.ns": must not contain dots$/] },
    { name: 'a namespace on a cluster-scoped kind', meta: { name: 'x', namespace: 'default' }, opts: cluster, want: [/^metadata\.namespace: Forbidden: not allowed on this type$/] },
    { name: 'a bad label key and value point at the labels map', meta: { name: 'x', labels: { '-k': 'v/1' } }, opts: cluster, want: [/^metadata\.labels: Invalid value: "-k": name part must consist/, /^metadata\.labels: Invalid value: "v\/1": a valid label must be an empty string/] },
    { name: 'annotation keys ignore case', meta: { name: 'x', annotations: { 'Example.COM/Key': 'any value / at all' } }, opts: cluster, want: [] },
    { name: 'a bad annotation key', meta: { name: 'x', annotations: { 'a b': '' } }, opts: cluster, want: [/^metadata\.annotations: Invalid value: "a b": name part must consist/] },
    { name: 'annotations over 256 KiB in total', meta: { name: 'x', annotations: { a: 'x'.repeat(128 * 1024), b: 'y'.repeat(128 * 1024) } }, opts: cluster, want: [/^metadata\.annotations: Too long: may not be more than 262144 bytes$/] },
    { name: 'annotations of exactly 256 KiB', meta: { name: 'x', annotations: { a: 'x'.repeat(256 * 1024 - 1) } }, opts: cluster, want: [] },
    { name: 'a negative generation', meta: { name: 'x', generation: -1 } as ObjectMeta, opts: cluster, want: [/^metadata\.generation: Invalid value: -1: must be greater than or equal to 0$/] },
    { name: 'finalizers must be qualified names', meta: { name: 'x', finalizers: ['kubernetes', 'example.com/cleanup', 'bad finalizer'] }, opts: cluster, want: [/^metadata\.finalizers: Invalid value: "bad finalizer": name part must consist/] },
    { name: 'orphan and foregroundDeletion together', meta: { name: 'x', finalizers: ['orphan', 'foregroundDeletion'] }, opts: cluster, want: [/^metadata\.finalizers: Invalid value: \["orphan","foregroundDeletion"\]: finalizer orphan and foregroundDeletion cannot be both set$/] },
    {
      name: 'owner references need apiVersion, kind, name and uid',
      meta: { name: 'x', ownerReferences: [{ apiVersion: '', kind: '', name: '', uid: '' }] },
      opts: cluster,
      want: [/^metadata\.ownerReferences\.apiVersion: Invalid value: "": version must not be empty$/, /^metadata\.ownerReferences\.kind: Invalid value: "": must not be empty$/, /^metadata\.ownerReferences\.name: Invalid value: "": must not be empty$/, /^metadata\.ownerReferences\.uid: Invalid value: "": must not be empty$/]
    },
    { name: 'an event may not be an owner', meta: { name: 'x', ownerReferences: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }] }, opts: cluster, want: [/^metadata\.ownerReferences: Invalid value: .*: \/v1, Kind=Event is disallowed from being an owner$/] },
    {
      name: 'only one controller reference',
      meta: { name: 'x', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true }, { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true }] },
      opts: cluster,
      want: [/^metadata\.ownerReferences: Invalid value: .*: Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/a and ReplicaSet\/b$/]
    },
    { name: 'a label value that is not a string', meta: { name: 'x', labels: { a: 1 as unknown as string } }, opts: cluster, want: [/^metadata\.labels: Invalid value: 1: must be a string$/] }
  ]
  it.each(cases)('$name', ({ meta, opts, want }) => {
    const got = causes(meta, opts)
    expect(got).toHaveLength(want.length)
    want.forEach((re, i) => expect(got[i]).toMatch(re))
  })

  it('masks a trailing dash of generateName the way upstream does', () => {
    expect(validateObjectMeta({ generateName: 'a-' }, { namespaced: false, nameCheck: 'label' })).toEqual([])
    expect(validateObjectMeta({ generateName: 'ab--' }, cluster)).toEqual([])
  })

  it('uses a custom root path', () => {
    const errs = validateObjectMeta({ name: 'x', labels: { '-': '' } }, cluster, 'spec.template.metadata')
    expect(errs.map((e) => e.field)).toEqual(['spec.template.metadata.labels'])
  })

  it('renders as the upstream 422 message when wrapped in errInvalid', () => {
    const err = errInvalid('', 'Pod', 'Bad_Name', validateObjectMeta({ name: 'Bad_Name', namespace: 'default' }, namespaced))
    expect(err.code).toBe(422)
    expect(err.message).toBe('Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')')
  })
})
