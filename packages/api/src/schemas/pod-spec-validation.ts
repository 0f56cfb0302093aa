import type { FieldError } from '../errors/api-error.js'
import { Quantity } from '../quantity/quantity.js'
import { QUANTITY_FORMAT_MESSAGE } from '../quantity/parse.js'
import { isDns1123Label, isQualifiedName, isValidLabelValue } from '../validation/index.js'
import { duplicate, invalid, notSupported, required } from './field-errors.js'
import { isObj, objects } from './pod-spec-defaults.js'

// Upstream ValidatePodSpec, for the checks that matter to users: containers, names, images, ports, policies, volumes.

type Obj = Record<string, unknown>

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError']
export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** Validates a DNS-1123 label field, reporting required when empty. */
export function validateDnsLabel (value: unknown, field: string): FieldError[] {
  const s = str(value) ?? ''
  if (s === '') return [required(field)]
  return isDns1123Label(s).map((m) => invalid(field, s, m))
}

/** Validates a label map (`metadata.labels`, selectors, nodeSelector). */
export function validateLabelMap (m: unknown, field: string): FieldError[] {
  if (m === undefined || m === null) return []
  if (!isObj(m)) return [invalid(field, m, 'must be a map of string keys to string values')]
  const errs: FieldError[] = []
  for (const [k, v] of Object.entries(m)) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(field, k, msg))
    for (const msg of isValidLabelValue(str(v) ?? '')) errs.push(invalid(`${field}[${k}]`, v, msg))
  }
  return errs
}

function validatePort (p: Obj, field: string): FieldError[] {
  const errs: FieldError[] = []
  const port = p.containerPort
  if (port === undefined || port === 0) errs.push(required(`${field}.containerPort`))
  else if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) errs.push(invalid(`${field}.containerPort`, port, 'must be between 1 and 65535, inclusive'))
  const hostPort = p.hostPort
  if (hostPort !== undefined && hostPort !== 0 && (typeof hostPort !== 'number' || hostPort < 1 || hostPort > 65535)) {
    errs.push(invalid(`${field}.hostPort`, hostPort, 'must be between 1 and 65535, inclusive'))
  }
  const protocol = p.protocol
  if (protocol !== undefined && !PROTOCOLS.includes(String(protocol))) errs.push(notSupported(`${field}.protocol`, protocol, PROTOCOLS))
  return errs
}

function parseQuantityOrUndefined (v: unknown): Quantity | undefined {
  try {
    return Quantity.from(v)
  } catch {
    return undefined
  }
}

/** Requests and limits must be valid, non-negative quantities, and no request may exceed its limit. */
function validateResources (res: unknown, field: string): FieldError[] {
  const r = isObj(res) ? res : {}
  const errs: FieldError[] = []
  const parsed: Record<'limits' | 'requests', Record<string, Quantity>> = { limits: {}, requests: {} }
  for (const kind of ['limits', 'requests'] as const) {
    for (const [name, v] of Object.entries(isObj(r[kind]) ? r[kind] : {})) {
      const f = `${field}.${kind}[${name}]`
      const q = parseQuantityOrUndefined(v)
      if (q === undefined) errs.push(invalid(f, v, QUANTITY_FORMAT_MESSAGE))
      else if (q.sign() < 0) errs.push(invalid(f, v, 'must be greater than or equal to 0'))
      else parsed[kind][name] = q
    }
  }
  for (const [name, req] of Object.entries(parsed.requests)) {
    const lim = parsed.limits[name]
    if (lim !== undefined && req.cmp(lim) > 0) {
      errs.push(invalid(`${field}.requests`, req.toString(), `must be less than or equal to ${name} limit of ${lim.toString()}`))
    }
  }
  return errs
}

/** Checks common to every container kind; `names` collects names across lists so duplicates are caught. */
export function validateContainer (c: Obj, field: string, names: Set<string>, volumes: Set<string>): FieldError[] {
  const errs = validateDnsLabel(c.name, `${field}.name`)
  const name = str(c.name) ?? ''
  if (name !== '' && names.has(name)) errs.push(duplicate(`${field}.name`, name))
  names.add(name)
  if ((str(c.image) ?? '').trim() === '') errs.push(required(`${field}.image`))
  if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(String(c.imagePullPolicy))) {
    errs.push(notSupported(`${field}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES))
  }
  if (c.terminationMessagePolicy !== undefined && !TERMINATION_MESSAGE_POLICIES.includes(String(c.terminationMessagePolicy))) {
    errs.push(notSupported(`${field}.terminationMessagePolicy`, c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES))
  }
  objects(c.ports).forEach((p, i) => errs.push(...validatePort(p, `${field}.ports[${i}]`)))
  errs.push(...validateResources(c.resources, `${field}.resources`))
  objects(c.env).forEach((e, i) => {
    if ((str(e.name) ?? '') === '') errs.push(required(`${field}.env[${i}].name`))
  })
  const mountPaths = new Set<string>()
  objects(c.volumeMounts).forEach((m, i) => {
    const f = `${field}.volumeMounts[${i}]`
    const mName = str(m.name) ?? ''
    if (mName === '') errs.push(required(`${f}.name`))
    else if (!volumes.has(mName)) errs.push(invalid(`${f}.name`, mName, 'must match the name of a volume'))
    const mp = str(m.mountPath) ?? ''
    if (mp === '') errs.push(required(`${f}.mountPath`))
    else if (mountPaths.has(mp)) errs.push(invalid(`${f}.mountPath`, mp, 'must be unique'))
    mountPaths.add(mp)
  })
  return errs
}

function validateVolumes (spec: Obj, field: string): { errs: FieldError[], names: Set<string> } {
  const errs: FieldError[] = []
  const names = new Set<string>()
  objects(spec.volumes).forEach((v, i) => {
    const f = `${field}.volumes[${i}]`
    errs.push(...validateDnsLabel(v.name, `${f}.name`))
    const name = str(v.name) ?? ''
    if (name !== '' && names.has(name)) errs.push(duplicate(`${f}.name`, name))
    names.add(name)
  })
  return { errs, names }
}

/** Validates a PodSpec found at `field` (`spec` for pods, `spec.template.spec` for workloads). */
export function validatePodSpec (spec: unknown, field: string): FieldError[] {
  if (!isObj(spec)) return [required(field)]
  const { errs, names: volumes } = validateVolumes(spec, field)
  const containerNames = new Set<string>()
  const containers = objects(spec.containers)
  if (containers.length === 0) errs.push(required(`${field}.containers`))
  objects(spec.initContainers).forEach((c, i) => errs.push(...validateContainer(c, `${field}.initContainers[${i}]`, containerNames, volumes)))
  containers.forEach((c, i) => errs.push(...validateContainer(c, `${field}.containers[${i}]`, containerNames, volumes)))
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(String(spec.restartPolicy))) {
    errs.push(notSupported(`${field}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES))
  }
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(String(spec.dnsPolicy))) {
    errs.push(notSupported(`${field}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES))
  }
  const grace = spec.terminationGracePeriodSeconds
  if (grace !== undefined && (typeof grace !== 'number' || grace < 0)) errs.push(invalid(`${field}.terminationGracePeriodSeconds`, grace, 'must be greater than or equal to 0'))
  const deadline = spec.activeDeadlineSeconds
  if (deadline !== undefined && (typeof deadline !== 'number' || deadline < 1)) errs.push(invalid(`${field}.activeDeadlineSeconds`, deadline, 'must be between 1 and 2147483647, inclusive'))
  errs.push(...validateLabelMap(spec.nodeSelector, `${field}.nodeSelector`))
  if (spec.hostname !== undefined) errs.push(...validateDnsLabel(spec.hostname, `${field}.hostname`))
  return errs
}

/**
 * Validates a workload's pod template against its selector: labels must be present and selected by the selector.
 * `selects` decides whether the template labels satisfy the selector (map or LabelSelector, per kind).
 */
export function validatePodTemplate (template: unknown, field: string, opts: { selects?: (labels: Record<string, string>) => boolean, restartPolicies?: string[] } = {}): FieldError[] {
  if (!isObj(template)) return [required(field)]
  const meta = isObj(template.metadata) ? template.metadata : {}
  const labels = (isObj(meta.labels) ? meta.labels : {}) as Record<string, string>
  const errs = validateLabelMap(meta.labels, `${field}.metadata.labels`)
  if (opts.selects !== undefined && !opts.selects(labels)) {
    errs.push(invalid(`${field}.metadata.labels`, labels, '`selector` does not match template `labels`'))
  }
  errs.push(...validatePodSpec(template.spec, `${field}.spec`))
  const spec = isObj(template.spec) ? template.spec : {}
  if (opts.restartPolicies !== undefined && spec.restartPolicy !== undefined && RESTART_POLICIES.includes(String(spec.restartPolicy)) &&
    !opts.restartPolicies.includes(String(spec.restartPolicy))) {
    errs.push(notSupported(`${field}.spec.restartPolicy`, spec.restartPolicy, opts.restartPolicies))
  }
  return errs
}
