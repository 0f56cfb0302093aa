import type { MessageTable } from '../message-table.js'

/** Wire layout of the scheduling/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const schedulingV1Messages: MessageTable = {
  'scheduling.v1.PriorityClass': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'value', number: 2, type: 'int32', keepZero: true },
    { name: 'globalDefault', number: 3, type: 'bool' },
    { name: 'description', number: 4, type: 'string' },
    { name: 'preemptionPolicy', number: 5, type: 'string', keepZero: true }
  ]
}
