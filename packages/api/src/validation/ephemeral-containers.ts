import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import { validateContainer } from '../schemas/pod-spec-validation.js'
import { isObj, objects } from '../schemas/pod-spec-defaults.js'
import { jsonEqual } from '../schemas/field-errors.js'
import { forbiddenField } from './field-errors.js'

// Upstream's ephemeral container rules (validateEphemeralContainers, ValidatePodEphemeralContainersUpdate).

type Obj = Record<string, unknown>

const FORBIDDEN_FOR_EPHEMERAL = 'cannot be set for an Ephemeral Container'

/**
 * EphemeralContainerCommon fields upstream leaves off its allow list, in struct order (the order its errors come
 * in). Ephemeral containers must not be relied on for pod services, so ports, probes, lifecycle and resources are out.
 */
const DISALLOWED_FIELDS = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle']

export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

/**
 * Upstream compares each field with Go's zero value: `resources` is a struct, so an empty one (what defaulting and
 * kubectl debug produce) counts as unset; the other fields are pointers or slices, set as soon as they are present.
 */
function isSet (key: string, v: unknown): boolean {
  if (v === undefined || v === null) return false
  if (key === 'resources' && isObj(v)) return Object.values(v).some((x) => x !== undefined && x !== null)
  return true
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/**
 * Validates `spec.ephemeralContainers` of a pod: each one as a container, names unique across containers,
 * initContainers and ephemeralContainers, an existing non-ephemeral target, and the forbidden fields.
 */
export function validateEphemeralContainers (spec: unknown, field: string): FieldError[] {
  if (!isObj(spec)) return []
  const ephemeral = objects(spec.ephemeralContainers)
  if (ephemeral.length === 0) return []
  const others = new Set([...objects(spec.containers), ...objects(spec.initContainers)].map((c) => str(c.name)))
  const volumes = new Set(objects(spec.volumes).map((v) => str(v.name)))
  // seeded with the other names so a clash is reported on the ephemeral container (upstream's allNames)
  const names = new Set(others)
  const errs: FieldError[] = []
  ephemeral.forEach((ec, i) => {
    const path = `${field}.ephemeralContainers[${i}]`
    errs.push(...validateContainer(ec, path, names, volumes))
    const target = str(ec.targetContainerName)
    if (target !== '' && !others.has(target)) {
      errs.push({ type: 'FieldValueNotFound', field: `${path}.targetContainerName`, badValue: target, message: '' })
    }
    for (const key of DISALLOWED_FIELDS) {
      if (isSet(key, ec[key])) errs.push(forbiddenField(`${path}.${key}`, FORBIDDEN_FOR_EPHEMERAL))
    }
    // subPath mounts are bind mounts that outlive the container: they imply workload use
    objects(ec.volumeMounts).forEach((m, j) => {
      for (const key of ['subPath', 'subPathExpr']) {
        if (str(m[key]) !== '') errs.push(forbiddenField(`${path}.volumeMounts[${j}].${key}`, FORBIDDEN_FOR_EPHEMERAL))
      }
    })
  })
  return errs
}

/** What changed in one ephemeral container, field by field (upstream prints a struct diff here). */
function describeChange (before: Obj, after: Obj): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return keys.filter((k) => !jsonEqual(before[k], after[k]))
    .map((k) => `  ${k}: ${JSON.stringify(before[k] ?? null)} -> ${JSON.stringify(after[k] ?? null)}`)
    .join('\n')
}

/**
 * The rules of a write through `pods/ephemeralcontainers`, after `specErrs` (the pod's own validation): static
 * (mirror) pods refuse it outright, and existing ephemeral containers may be neither removed nor changed.
 */
export function validateEphemeralContainersUpdate (pod: KubeObject, old: KubeObject, specErrs: FieldError[]): FieldError[] {
  if (old.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) {
    // upstream answers with this error alone
    return [forbiddenField('', 'static pods do not support ephemeral containers')]
  }
  const field = 'spec.ephemeralContainers'
  const wanted = new Map(objects((pod.spec as Obj | undefined)?.ephemeralContainers).map((c) => [str(c.name), c]))
  const errs = [...specErrs]
  for (const before of objects((old.spec as Obj | undefined)?.ephemeralContainers)) {
    const name = str(before.name)
    const after = wanted.get(name)
    if (after === undefined) errs.push(forbiddenField(field, `existing ephemeral containers ${JSON.stringify(name)} may not be removed\n`))
    else if (!jsonEqual(before, after)) errs.push(forbiddenField(field, `existing ephemeral containers ${JSON.stringify(name)} may not be changed\n${describeChange(before, after)}`))
  }
  return errs
}

/** Pods are created without ephemeral containers; they are only added through the subresource. */
export function validateNoEphemeralContainersOnCreate (spec: unknown, field: string): FieldError[] {
  if (!isObj(spec) || objects(spec.ephemeralContainers).length === 0) return []
  return [forbiddenField(`${field}.ephemeralContainers`, 'cannot be set on create')]
}
