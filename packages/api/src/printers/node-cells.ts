import type { KubeObject } from '../meta/object.js'
import { asArr, asObj, asStr, byteOrder } from './format.js'

const ROLE_PREFIX = 'node-role.kubernetes.io/'

/** Node STATUS: only the last Ready condition counts; `,SchedulingDisabled` when cordoned. */
export function nodeStatusCell (node: KubeObject): string {
  const ready = asArr(asObj(node.status).conditions).map(asObj).filter((c) => c.type === 'Ready').pop()
  let status = ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'
  if (asObj(node.spec).unschedulable === true) status += ',SchedulingDisabled'
  return status
}

/** Node ROLES from `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value. */
export function nodeRolesCell (node: KubeObject): string {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length))
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v)
  }
  return roles.size === 0 ? '<none>' : [...roles].sort(byteOrder).join(',')
}

export function nodeAddressCell (node: KubeObject, type: string): string {
  const a = asArr(asObj(node.status).addresses).map(asObj).find((x) => x.type === type)
  return a === undefined ? '<none>' : asStr(a.address)
}

export function nodeInfoCell (node: KubeObject, field: string): string {
  const v = asStr(asObj(asObj(node.status).nodeInfo)[field])
  return v === '' ? '<unknown>' : v
}
