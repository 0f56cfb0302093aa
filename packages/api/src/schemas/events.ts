import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema } from '../schema/resource-schema.js'
import { asObj, asStr } from '../printers/format.js'
import { defineSchema } from './define.js'
import { invalid, required } from './field-errors.js'
import { EVENT_FIELD_SELECTORS, coreEventSchema, eventColumns } from './core-events.js'
import { eventFromCore, eventToCore } from './event-conversion.js'

// events.k8s.io/v1 Events share storage with core/v1 events (`/registry/events`); the apiserver converts between the
// two shapes (regarding <-> involvedObject, note <-> message, deprecated* <-> first/lastTimestamp, count, source).

function validateEvent (obj: KubeObject): FieldError[] {
  const errs: FieldError[] = []
  if (obj.eventTime === undefined || obj.eventTime === null) errs.push(required('eventTime'))
  if (asStr(obj.reportingController) === '') errs.push(required('reportingController'))
  if (asStr(obj.reportingInstance) === '') errs.push(required('reportingInstance'))
  if (asStr(obj.action) === '') errs.push(required('action'))
  if (asStr(obj.reason) === '') errs.push(required('reason'))
  const type = asStr(obj.type)
  if (type !== 'Normal' && type !== 'Warning') {
    errs.push({ type: 'FieldValueNotSupported', field: 'type', badValue: type, message: 'supported values: "Normal", "Warning"' })
  }
  const note = asStr(obj.note)
  if (note.length > 1024) errs.push({ type: 'FieldValueTooLong', field: 'note', badValue: '', message: 'must have at most 1024 bytes' })
  const ns = asStr(asObj(obj.regarding).namespace)
  if (ns !== '' && ns !== asStr(obj.metadata?.namespace)) errs.push(invalid('regarding.namespace', ns, 'does not match event.namespace'))
  return errs
}

export const eventsSchemas: ResourceSchema[] = [{
  ...defineSchema({
    group: 'events.k8s.io',
    version: 'v1',
    kind: 'Event',
    plural: 'events',
    namespaced: true,
    shortNames: ['ev'],
    storageResource: 'events',
    fieldSelectors: EVENT_FIELD_SELECTORS,
    validate: validateEvent,
    printerColumns: eventColumns()
  }),
  // stored as core/v1 Events: the apiserver converts on every read and write
  conversion: { storage: () => coreEventSchema, toStorage: eventToCore, fromStorage: eventFromCore }
}]
