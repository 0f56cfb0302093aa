import type { KubeObject } from '../meta/object.js'
import { parseTime, timestampSince } from './age.js'
import { asInt, asObj, asStr } from './format.js'
import { eventToCore } from '../schemas/event-conversion.js'

type Obj = Record<string, unknown>

/** The core v1 shape of either Event API's object, which is what the printer reads. */
export function asCoreEvent (ev: KubeObject): Obj {
  return eventToCore(ev)
}

export interface EventSummary { lastSeen: string, firstSeen: string, count: number, object: string, source: string, message: string }

/** Event cells (`printEvent`, table-printers.md §4.7). */
export function eventSummary (obj: KubeObject, now: Date): EventSummary {
  const ev = asCoreEvent(obj)
  const first = parseTime(ev.firstTimestamp) !== undefined ? timestampSince(ev.firstTimestamp, now) : timestampSince(ev.eventTime, now)
  let last = parseTime(ev.lastTimestamp) !== undefined ? timestampSince(ev.lastTimestamp, now) : first
  let count = asInt(ev.count)
  const series = ev.series
  if (series !== undefined && series !== null) {
    last = timestampSince(asObj(series).lastObservedTime, now)
    count = asInt(asObj(series).count)
  } else if (count === 0) {
    count = 1
  }
  const involved = asObj(ev.involvedObject)
  const kind = asStr(involved.kind).toLowerCase()
  const name = asStr(involved.name)
  const source = asObj(ev.source)
  const component = asStr(source.component) !== '' ? asStr(source.component) : asStr(ev.reportingComponent)
  const instance = asStr(source.host) !== '' ? asStr(source.host) : asStr(ev.reportingInstance)
  return {
    lastSeen: last,
    firstSeen: first,
    count,
    object: name === '' ? kind : `${kind}/${name}`,
    source: instance === '' ? component : `${component}, ${instance}`,
    message: asStr(ev.message).trim()
  }
}
