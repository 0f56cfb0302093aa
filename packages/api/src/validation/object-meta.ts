import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { FieldError } from '../errors/api-error.js'
import { childPath, forbiddenField, invalidField, requiredField, tooLongField, typeInvalidField } from './field-errors.js'
import { isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue, isValidPathSegmentName, isValidPathSegmentPrefix } from './name-formats.js'

export type MetaNameCheck = 'subdomain' | 'label' | 'path-segment'

export interface ObjectMetaOptions {
  namespaced: boolean
  /** Which rule the kind's names follow; most kinds use DNS subdomains. */
  nameCheck?: MetaNameCheck
}

/** 256 KiB: the total size of all annotation keys and values of one object. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024

const FINALIZER_ORPHAN = 'orphan'
const FINALIZER_FOREGROUND = 'foregroundDeletion'

/**
 * Upstream lets a generateName end in '-' by masking it before the name check. It drops two characters,
 * not one, and we keep that so the same prefixes are accepted.
 */
function maskTrailingDash (name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name
}

/** Messages for `name` (or, with `prefix`, a generateName) under the kind's name rule. */
export function validateNameFormat (name: string, check: MetaNameCheck, prefix: boolean): string[] {
  switch (check) {
    case 'label': return isDns1123Label(prefix ? maskTrailingDash(name) : name)
    case 'path-segment': return prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name)
    default: return isDns1123Subdomain(prefix ? maskTrailingDash(name) : name)
  }
}

const isStringMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Label keys must be qualified names and values valid label values; errors point at the map, as upstream. */
export function validateLabels (labels: Record<string, string> | undefined | null, path: string): FieldError[] {
  if (labels === undefined || labels === null) return []
  if (!isStringMap(labels)) return [typeInvalidField(path, labels, 'must be a map of string keys to string values')]
  const errs: FieldError[] = []
  for (const [k, v] of Object.entries(labels)) {
    for (const msg of isQualifiedName(k)) errs.push(invalidField(path, k, msg))
    if (typeof v !== 'string') {
      errs.push(typeInvalidField(path, v, 'must be a string'))
      continue
    }
    for (const msg of isValidLabelValue(v)) errs.push(invalidField(path, v, msg))
  }
  return errs
}

/** Annotation keys are qualified names compared case-insensitively; all keys and values together stay under 256 KiB. */
export function validateAnnotations (annotations: Record<string, string> | undefined | null, path: string): FieldError[] {
  if (annotations === undefined || annotations === null) return []
  if (!isStringMap(annotations)) return [typeInvalidField(path, annotations, 'must be a map of string keys to string values')]
  const errs: FieldError[] = []
  let total = 0
  for (const [k, v] of Object.entries(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalidField(path, k, msg))
    if (typeof v !== 'string') {
      errs.push(typeInvalidField(path, v, 'must be a string'))
      continue
    }
    total += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8')
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) errs.push(tooLongField(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES))
  return errs
}

/** Finalizers are qualified names, and `orphan` and `foregroundDeletion` exclude each other. */
export function validateFinalizers (finalizers: string[] | undefined | null, path: string): FieldError[] {
  if (finalizers === undefined || finalizers === null) return []
  if (!Array.isArray(finalizers)) return [typeInvalidField(path, finalizers, 'must be a list of strings')]
  const errs: FieldError[] = []
  for (const f of finalizers) {
    if (typeof f !== 'string') {
      errs.push(typeInvalidField(path, f, 'must be a string'))
      continue
    }
    for (const msg of isQualifiedName(f)) errs.push(invalidField(path, f, msg))
  }
  if (finalizers.includes(FINALIZER_ORPHAN) && finalizers.includes(FINALIZER_FOREGROUND)) {
    errs.push(invalidField(path, finalizers, `finalizer ${FINALIZER_ORPHAN} and ${FINALIZER_FOREGROUND} cannot be both set`))
  }
  return errs
}

function splitApiVersion (apiVersion: string): { group: string, version: string } {
  const i = apiVersion.indexOf('/')
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) }
}

function validateOwnerReference (ref: OwnerReference, path: string): FieldError[] {
  const errs: FieldError[] = []
  const apiVersion = typeof ref.apiVersion === 'string' ? ref.apiVersion : ''
  const kind = typeof ref.kind === 'string' ? ref.kind : ''
  const { group, version } = splitApiVersion(apiVersion)
  if (version === '') errs.push(invalidField(childPath(path, 'apiVersion'), apiVersion, 'version must not be empty'))
  if (kind === '') errs.push(invalidField(childPath(path, 'kind'), kind, 'must not be empty'))
  if (typeof ref.name !== 'string' || ref.name === '') errs.push(invalidField(childPath(path, 'name'), ref.name ?? '', 'must not be empty'))
  if (typeof ref.uid !== 'string' || ref.uid === '') errs.push(invalidField(childPath(path, 'uid'), ref.uid ?? '', 'must not be empty'))
  // events may not own anything: the garbage collector would otherwise chase very short-lived owners
  if (group === '' && version === 'v1' && kind === 'Event') {
    errs.push(invalidField(path, ref, '/v1, Kind=Event is disallowed from being an owner'))
  }
  return errs
}

/** Required owner fields, and at most one reference with `controller: true`. Errors point at the list, as upstream. */
export function validateOwnerReferences (refs: OwnerReference[] | undefined | null, path: string): FieldError[] {
  if (refs === undefined || refs === null) return []
  if (!Array.isArray(refs)) return [typeInvalidField(path, refs, 'must be a list of owner references')]
  const errs: FieldError[] = []
  let firstController = ''
  for (const ref of refs) {
    if (typeof ref !== 'object' || ref === null) {
      errs.push(typeInvalidField(path, ref, 'must be an object'))
      continue
    }
    errs.push(...validateOwnerReference(ref, path))
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`
      if (firstController === '') firstController = current
      else {
        errs.push(invalidField(path, refs,
          `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`))
      }
    }
  }
  return errs
}

/**
 * ObjectMeta rules every stored object follows (upstream `ValidateObjectMetaAccessor`). A name is required unless
 * `generateName` is set: the registry generates the name, and may validate before or after it does.
 */
export function validateObjectMeta (meta: ObjectMeta | undefined, opts: ObjectMetaOptions, path = 'metadata'): FieldError[] {
  const m: ObjectMeta = meta ?? {}
  const check = opts.nameCheck ?? 'subdomain'
  const errs: FieldError[] = []
  const generateName = typeof m.generateName === 'string' ? m.generateName : ''
  const name = typeof m.name === 'string' ? m.name : ''
  if (generateName !== '') {
    for (const msg of validateNameFormat(generateName, check, true)) errs.push(invalidField(childPath(path, 'generateName'), generateName, msg))
  }
  if (name === '') {
    if (generateName === '') errs.push(requiredField(childPath(path, 'name'), 'name or generateName is required'))
  } else {
    for (const msg of validateNameFormat(name, check, false)) errs.push(invalidField(childPath(path, 'name'), name, msg))
  }
  const namespace = typeof m.namespace === 'string' ? m.namespace : ''
  if (opts.namespaced) {
    if (namespace === '') errs.push(requiredField(childPath(path, 'namespace')))
    else for (const msg of isDns1123Label(namespace)) errs.push(invalidField(childPath(path, 'namespace'), namespace, msg))
  } else if (namespace !== '') {
    errs.push(forbiddenField(childPath(path, 'namespace'), 'not allowed on this type'))
  }
  if (typeof m.generation === 'number' && m.generation < 0) {
    errs.push(invalidField(childPath(path, 'generation'), m.generation, 'must be greater than or equal to 0'))
  }
  errs.push(...validateLabels(m.labels, childPath(path, 'labels')))
  errs.push(...validateAnnotations(m.annotations, childPath(path, 'annotations')))
  errs.push(...validateOwnerReferences(m.ownerReferences, childPath(path, 'ownerReferences')))
  errs.push(...validateFinalizers(m.finalizers, childPath(path, 'finalizers')))
  return errs
}
