import type { KubeObject } from '../meta/object.js'

// events.k8s.io/v1 and core/v1 Events are one stored resource (`/registry/events`) seen through two shapes
// (Convert_v1_Event_To_core_Event and back). Field pairs: events.k8s.io name -> core name.
const PAIRS: Array<[string, string]> = [
  ['regarding', 'involvedObject'],
  ['related', 'related'],
  ['note', 'message'],
  ['reason', 'reason'],
  ['type', 'type'],
  ['action', 'action'],
  ['eventTime', 'eventTime'],
  ['series', 'series'],
  ['reportingController', 'reportingComponent'],
  ['reportingInstance', 'reportingInstance'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count']
]

export const isEventsV1 = (obj: KubeObject): boolean => typeof obj.apiVersion === 'string' && obj.apiVersion.startsWith('events.k8s.io/')

function convert (obj: KubeObject, apiVersion: string, from: 0 | 1): KubeObject {
  const out: KubeObject = { apiVersion, kind: 'Event', metadata: obj.metadata }
  for (const pair of PAIRS) {
    const v = obj[pair[from]]
    if (v !== undefined && v !== null) out[pair[from === 0 ? 1 : 0]] = v
  }
  return out
}

/** An events.k8s.io/v1 Event in the core/v1 shape (the stored form); a core Event is returned as it is. */
export function eventToCore (obj: KubeObject): KubeObject {
  return isEventsV1(obj) ? convert(obj, 'v1', 0) : obj
}

/** A core/v1 Event in the events.k8s.io/v1 shape; an events.k8s.io Event is returned as it is. */
export function eventFromCore (obj: KubeObject): KubeObject {
  return isEventsV1(obj) ? obj : convert(obj, 'events.k8s.io/v1', 1)
}
