// Server-side Table printing: human durations, per-kind cell helpers and the Table column/row builders.
export { humanDuration, ageCell, createdAtCell, parseTime, timestampSince } from './age.js'
export { tableColumnsFor, tableCellsFor, defaultColumns, nameColumn, ageColumn, NAME_DESCRIPTION, CREATION_TIMESTAMP_DESCRIPTION } from './columns.js'
export type { TableColumnDefinition } from './columns.js'
export { formatLabels, formatLabelSelector, labelSelectorString, containerCells, intOrString, quantityString, boolPtr } from './format.js'
export { podSummary, podRowConditions, podIpCell, readinessGatesCell } from './pod-cells.js'
export type { PodSummary } from './pod-cells.js'
export { eventSummary, asCoreEvent } from './event-cells.js'
export { rowConditionsFor } from './row-conditions.js'
