export { Quantity, parseQuantity, isValidQuantity } from './quantity.js'
export type { QuantityFormat } from './parse.js'
export { QUANTITY_FORMAT_MESSAGE, QUANTITY_SUFFIX_MESSAGE } from './parse.js'
