import type { KubeObject } from '../meta/object.js'
import { asArr, asObj, asStr, byteOrder, quantityString } from './format.js'

const ACCESS_MODES: Array<[string, string]> = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']]
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

/** `GetAccessModesAsString`: deduped, in the fixed order RWO, ROX, RWX, RWOP. */
export function accessModesString (modes: unknown): string {
  const set = new Set(asArr(modes).map(asStr))
  return ACCESS_MODES.filter(([m]) => set.has(m)).map(([, short]) => short).join(',')
}

function isDeleting (o: KubeObject): boolean {
  return o.metadata?.deletionTimestamp !== undefined && o.metadata.deletionTimestamp !== null
}

/** The beta annotation wins when present (even empty), else the spec field. */
export function storageClassOf (o: KubeObject): string {
  const ann = o.metadata?.annotations ?? {}
  if (Object.prototype.hasOwnProperty.call(ann, BETA_CLASS_ANNOTATION)) return ann[BETA_CLASS_ANNOTATION] ?? ''
  return asStr(asObj(o.spec).storageClassName)
}

export function volumePhaseCell (o: KubeObject): string {
  return isDeleting(o) ? 'Terminating' : asStr(asObj(o.status).phase)
}

export function pvClaimCell (pv: KubeObject): string {
  const ref = asObj(pv.spec).claimRef
  if (ref === undefined || ref === null) return ''
  return `${asStr(asObj(ref).namespace)}/${asStr(asObj(ref).name)}`
}

export function orUnset (v: unknown): string {
  const s = asStr(v)
  return s === '' ? '<unset>' : s
}

export function pvcCapacityCell (pvc: KubeObject): string {
  if (asStr(asObj(pvc.spec).volumeName) === '') return ''
  return quantityString(asObj(asObj(pvc.status).capacity).storage)
}

export function pvcAccessModesCell (pvc: KubeObject): string {
  if (asStr(asObj(pvc.spec).volumeName) === '') return ''
  return accessModesString(asObj(pvc.status).accessModes)
}

/** ResourceQuota REQUEST and LIMIT: `key: used/hard` over the sorted keys of status.hard. */
export function quotaCells (rq: KubeObject): { request: string, limit: string } {
  const status = asObj(rq.status)
  const hard = asObj(status.hard)
  const used = asObj(status.used)
  const request: string[] = []
  const limit: string[] = []
  for (const key of Object.keys(hard).sort(byteOrder)) {
    const text = `${key}: ${quantityString(used[key])}/${quantityString(hard[key])}`
    const pieces = key.split('.')
    if (pieces.length >= 2 && pieces[0] === 'limits') limit.push(text)
    else request.push(text)
  }
  return { request: request.join(', '), limit: limit.join(', ') }
}

/** StorageClass NAME: ` (default)` is appended inside the name cell for the default class. */
export function storageClassNameCell (sc: KubeObject): string {
  const ann = sc.metadata?.annotations ?? {}
  const isDefault = ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  const name = sc.metadata?.name ?? ''
  return isDefault ? `${name} (default)` : name
}
