import type { KubeObject } from '../meta/object.js'
import { asArr, asObj, asStr, intOrString, quantityString } from './format.js'

type Obj = Record<string, unknown>

const has = (o: Obj, k: string): boolean => o[k] !== undefined && o[k] !== null

function resourceMetric (spec: Obj, cur: Obj | undefined): string {
  const target = asObj(spec.target)
  const name = asStr(spec.name)
  if (has(target, 'averageValue')) {
    const current = cur === undefined ? '<unknown>' : quantityString(asObj(cur.current).averageValue)
    return `${name}: ${current}/${quantityString(target.averageValue)}`
  }
  const currentUtil = cur === undefined ? undefined : asObj(cur.current).averageUtilization
  const current = typeof currentUtil === 'number' ? `${currentUtil}%` : '<unknown>'
  const tgt = typeof target.averageUtilization === 'number' ? `${target.averageUtilization}%` : '<auto>'
  return `${name}: ${current}/${tgt}`
}

function objectMetric (spec: Obj, cur: Obj | undefined): string {
  const target = asObj(spec.target)
  if (has(target, 'averageValue')) {
    const current = cur === undefined ? '<unknown>' : quantityString(asObj(cur.current).averageValue)
    return `${current}/${quantityString(target.averageValue)} (avg)`
  }
  const current = cur === undefined ? '<unknown>' : quantityString(asObj(cur.current).value)
  return `${current}/${quantityString(target.value)}`
}

/** HPA TARGETS (`formatHPAMetrics`): status matched by index, first two metrics shown. */
export function hpaTargetsCell (hpa: KubeObject): string {
  const metrics = asArr(asObj(hpa.spec).metrics).map(asObj)
  if (metrics.length === 0) return '<none>'
  const current = asArr(asObj(hpa.status).currentMetrics).map(asObj)
  const list = metrics.map((m, i) => {
    const cs = current[i]
    switch (m.type) {
      case 'Resource': return resourceMetric(asObj(m.resource), cs === undefined ? undefined : asObj(cs.resource))
      case 'ContainerResource': return resourceMetric(asObj(m.containerResource), cs === undefined ? undefined : asObj(cs.containerResource))
      case 'Pods': {
        const cur = cs === undefined ? '<unknown>' : quantityString(asObj(asObj(cs.pods).current).averageValue)
        return `${cur}/${quantityString(asObj(asObj(m.pods).target).averageValue)}`
      }
      case 'Object': return objectMetric(asObj(m.object), cs === undefined ? undefined : asObj(cs.object))
      case 'External': return objectMetric(asObj(m.external), cs === undefined ? undefined : asObj(cs.external))
      default: return '<unknown type>'
    }
  })
  let ret = list.slice(0, 2).join(', ')
  if (list.length > 2) ret += ` + ${list.length - 2} more...`
  return ret
}

export function hpaMinPodsCell (hpa: KubeObject): string {
  const min = asObj(hpa.spec).minReplicas
  return typeof min === 'number' ? String(min) : '<unset>'
}

/** PDB MIN AVAILABLE / MAX UNAVAILABLE: the IntOrString, or `N/A`. */
export function intOrStringOrNA (v: unknown): string {
  return v === undefined || v === null ? 'N/A' : intOrString(v)
}
