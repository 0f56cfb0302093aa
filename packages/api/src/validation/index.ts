export {
  isDns1123Label, isDns1123Subdomain, isDns1035Label, isQualifiedName, isValidLabelValue, isValidPathSegmentName,
  isValidPathSegmentPrefix, maxLenError, regexError, emptyError,
  DNS1123_LABEL_MAX_LENGTH, DNS1123_SUBDOMAIN_MAX_LENGTH, DNS1035_LABEL_MAX_LENGTH, LABEL_VALUE_MAX_LENGTH
} from './name-formats.js'
export {
  validateObjectMeta, validateLabels, validateAnnotations, validateFinalizers, validateOwnerReferences, validateNameFormat,
  TOTAL_ANNOTATION_SIZE_LIMIT_BYTES
} from './object-meta.js'
export type { MetaNameCheck, ObjectMetaOptions } from './object-meta.js'
export { validateMetaUpdate } from './meta-update.js'
export { FIELD_IMMUTABLE_MESSAGE } from './field-errors.js'
export { validateLabelSelector } from './label-selector.js'
