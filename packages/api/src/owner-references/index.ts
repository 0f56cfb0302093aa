export { ownerReferencesOf, getControllerOf, isControlledBy, hasOwnerWithUid, newControllerRef } from './owner-references.js'
