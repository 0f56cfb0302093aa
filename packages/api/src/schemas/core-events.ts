import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { PrinterColumn } from '../schema/resource-schema.js'
import { column, nameColumn, wide } from '../printers/columns.js'
import { asCoreEvent, eventSummary } from '../printers/event-cells.js'
import { asObj, asStr } from '../printers/format.js'
import { defineSchema } from './define.js'
import { invalid } from './field-errors.js'

// core/v1 Events. events.k8s.io/v1 (events.ts) shares their storage, field selectors and printer.

/** Columns of `printEvent`: no Age, and the Name column last and wide-only. */
export function eventColumns (): PrinterColumn[] {
  return [
    column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.', (o, now) => eventSummary(o, now).lastSeen),
    column('Type', 'Type of this event (Normal, Warning), new types could be added in the future', (o) => asStr(asCoreEvent(o).type)),
    column('Reason', 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.', (o) => asStr(asCoreEvent(o).reason)),
    column('Object', 'The object that this event is about.', (o, now) => eventSummary(o, now).object),
    wide('Subobject', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].', (o) => asStr(asObj(asCoreEvent(o).involvedObject).fieldPath)),
    wide('Source', 'The component reporting this event. Should be a short machine understandable string.', (o, now) => eventSummary(o, now).source),
    column('Message', 'A human-readable description of the status of this operation.', (o, now) => eventSummary(o, now).message),
    wide('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', (o, now) => eventSummary(o, now).firstSeen),
    wide('Count', 'The number of times this event has occurred.', (o, now) => eventSummary(o, now).count),
    nameColumn(undefined, 1)
  ]
}

const involved = (field: string) => (o: KubeObject): string => asStr(asObj(asCoreEvent(o).involvedObject)[field])

/** Field selectors of core events, evaluated on the core shape so both API versions select alike. */
export const EVENT_FIELD_SELECTORS: Record<string, (o: KubeObject) => string | undefined> = {
  'involvedObject.kind': involved('kind'),
  'involvedObject.namespace': involved('namespace'),
  'involvedObject.name': involved('name'),
  'involvedObject.uid': involved('uid'),
  'involvedObject.apiVersion': involved('apiVersion'),
  'involvedObject.resourceVersion': involved('resourceVersion'),
  'involvedObject.fieldPath': involved('fieldPath'),
  reason: (o) => asStr(asCoreEvent(o).reason),
  reportingComponent: (o) => asStr(asCoreEvent(o).reportingComponent),
  source: (o) => asStr(asObj(asCoreEvent(o).source).component),
  type: (o) => asStr(asCoreEvent(o).type)
}

function validateCoreEvent (obj: KubeObject): FieldError[] {
  const errs: FieldError[] = []
  const ref = asObj(obj.involvedObject)
  const ns = asStr(ref.namespace)
  if (ns !== '' && ns !== asStr(obj.metadata?.namespace)) errs.push(invalid('involvedObject.namespace', ns, 'does not match event.namespace'))
  const type = asStr(obj.type)
  if (type !== '' && type !== 'Normal' && type !== 'Warning') {
    errs.push({ type: 'FieldValueNotSupported', field: 'type', badValue: type, message: 'supported values: "Normal", "Warning"' })
  }
  return errs
}

export const coreEventSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  shortNames: ['ev'],
  fieldSelectors: EVENT_FIELD_SELECTORS,
  validate: validateCoreEvent,
  printerColumns: eventColumns()
})
