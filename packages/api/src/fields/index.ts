export { parseFieldSelector, fieldSelectorFromRequirements, oneTermEqualFieldSelector } from './field-selector.js'
export type { FieldRequirement, FieldSelector } from './field-selector.js'
export { escapeFieldValue, unescapeFieldValue } from './escape.js'
