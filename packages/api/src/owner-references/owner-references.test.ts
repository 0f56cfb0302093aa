import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { KubeObject } from '../meta/object.js'
import { getControllerOf, hasOwnerWithUid, isControlledBy, newControllerRef, ownerReferencesOf } from './owner-references.js'

const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', namespace: 'default', uid: 'uid-rs' } }
const ref = (uid: string, controller?: boolean): OwnerReference =>
  ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${uid}`, uid, ...(controller === undefined ? {} : { controller }) })
const pod = (refs?: OwnerReference[]): KubeObject => ({ metadata: { name: 'p', ...(refs === undefined ? {} : { ownerReferences: refs }) } })

describe('newControllerRef', () => {
  it('points at the owner as its controller and blocks owner deletion', () => {
    expect(newControllerRef(rs, { group: 'apps', version: 'v1', kind: 'ReplicaSet' })).toEqual({
      apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'uid-rs', controller: true, blockOwnerDeletion: true
    })
  })
  it('uses a bare version for the core group', () => {
    expect(newControllerRef(rs, { group: '', version: 'v1', kind: 'ReplicationController' }).apiVersion).toBe('v1')
  })
})

describe('controller lookups', () => {
  const cases: Array<{ name: string, obj: KubeObject, controllerUid: string | undefined, controlledByRs: boolean, ownedByRs: boolean }> = [
    { name: 'no owner references', obj: pod(), controllerUid: undefined, controlledByRs: false, ownedByRs: false },
    { name: 'an owner that is not the controller', obj: pod([ref('uid-rs')]), controllerUid: undefined, controlledByRs: false, ownedByRs: true },
    { name: 'controller: false is not a controller', obj: pod([ref('uid-rs', false)]), controllerUid: undefined, controlledByRs: false, ownedByRs: true },
    { name: 'the controller is the owner', obj: pod([ref('x'), ref('uid-rs', true)]), controllerUid: 'uid-rs', controlledByRs: true, ownedByRs: true },
    { name: 'another controller', obj: pod([ref('uid-rs'), ref('other', true)]), controllerUid: 'other', controlledByRs: false, ownedByRs: true }
  ]
  it.each(cases)('$name', ({ obj, controllerUid, controlledByRs, ownedByRs }) => {
    expect(getControllerOf(obj)?.uid).toBe(controllerUid)
    expect(isControlledBy(obj, rs)).toBe(controlledByRs)
    expect(hasOwnerWithUid(obj, 'uid-rs')).toBe(ownedByRs)
  })

  it('never matches an owner without a uid', () => {
    const noUid: KubeObject = { metadata: { name: 'x' } }
    expect(isControlledBy(pod([{ ...ref(''), controller: true }]), noUid)).toBe(false)
    expect(hasOwnerWithUid(pod([ref('')]), '')).toBe(false)
  })

  it('tolerates missing metadata', () => {
    expect(ownerReferencesOf(undefined)).toEqual([])
    expect(ownerReferencesOf({})).toEqual([])
    expect(getControllerOf(null)).toBeUndefined()
  })
})
