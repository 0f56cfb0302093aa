import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn, wide } from '../printers/columns.js'
import { podIpCell, podSummary, readinessGatesCell } from '../printers/pod-cells.js'
import { asObj, asStr } from '../printers/format.js'
import { Quantity } from '../quantity/quantity.js'
import { defineSchema, prefixed } from './define.js'
import { forbidden, jsonEqual } from './field-errors.js'
import { child, defaultPodContainerRequests, defaultPodSpec, isObj, objects, setDefault } from './pod-spec-defaults.js'
import { POD_SPEC_PATCH_STRATEGIES } from './pod-spec-patch.js'
import { validatePodSpec } from './pod-spec-validation.js'
import { validateEphemeralContainers, validateEphemeralContainersUpdate, validateNoEphemeralContainersOnCreate } from '../validation/ephemeral-containers.js'

const POD_UPDATE_MESSAGE = 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

/**
 * The DefaultTolerationSeconds admission plugin: pods tolerate the node lifecycle's not-ready and unreachable
 * NoExecute taints for 300 s unless they say otherwise, so a short node outage does not evict them at once.
 */
const DEFAULT_TOLERATION_SECONDS = 300
function addDefaultTolerations (spec: Record<string, unknown>): void {
  const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations as Array<Record<string, unknown>> : []
  const added: Array<Record<string, unknown>> = []
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const covered = tolerations.some(t => isObj(t) && (t.effect === 'NoExecute' || t.effect === undefined || t.effect === '') &&
      (t.key === key || ((t.key === undefined || t.key === '') && t.operator === 'Exists')))
    if (!covered) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS })
  }
  if (added.length > 0) spec.tolerations = [...tolerations, ...added]
}

function defaultPod (obj: KubeObject): void {
  const spec = child(obj, 'spec')
  defaultPodSpec(spec)
  addDefaultTolerations(spec)
  defaultPodContainerRequests(spec)
  const status = child(obj, 'status')
  // the v1 wire form keeps podIP/podIPs[0] and hostIP/hostIPs[0] in sync (conversion)
  for (const [single, plural] of [['podIP', 'podIPs'], ['hostIP', 'hostIPs']] as const) {
    const list = status[plural]
    if (typeof status[single] === 'string' && status[single] !== '' && !Array.isArray(list)) status[plural] = [{ ip: status[single] }]
    else if (Array.isArray(list) && isObj(list[0]) && typeof list[0].ip === 'string' && (status[single] === undefined || status[single] === '')) status[single] = list[0].ip
  }
  setDefault(status, 'phase', 'Pending')
  setDefault(status, 'qosClass', qosClass(spec))
}

/** Upstream's QoS class: BestEffort without any request/limit, Guaranteed when every container limits cpu and memory at its requests. */
export function qosClass (spec: Record<string, unknown>): string {
  const containers = [...objects(spec.initContainers), ...objects(spec.containers)]
  let any = false
  let guaranteed = true
  for (const c of containers) {
    const res = asObj(c.resources)
    const req = asObj(res.requests)
    const lim = asObj(res.limits)
    if (Object.keys(req).length + Object.keys(lim).length > 0) any = true
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && !sameQuantity(req[r], lim[r]))) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

function sameQuantity (a: unknown, b: unknown): boolean {
  try {
    return Quantity.from(a).equals(Quantity.from(b))
  } catch {
    return String(a) === String(b)
  }
}

/** Blanks out what a pod update may change, so any other difference is forbidden (ValidatePodUpdate). */
function mutableStripped (spec: unknown, old: unknown): unknown {
  const s = structuredClone(isObj(spec) ? spec : {})
  const o = isObj(old) ? old : {}
  for (const key of ['containers', 'initContainers']) {
    for (const c of objects(s[key])) delete c.image
  }
  delete s.activeDeadlineSeconds
  // tolerations may only grow: compare the old ones against the new list's prefix
  const oldTol = Array.isArray(o.tolerations) ? o.tolerations : []
  const newTol = Array.isArray(s.tolerations) ? s.tolerations : []
  s.tolerations = oldTol.every((t) => newTol.some((n) => jsonEqual(n, t))) ? 'ok' : newTol
  if (typeof o.terminationGracePeriodSeconds === 'number' && o.terminationGracePeriodSeconds < 0 && s.terminationGracePeriodSeconds === 1) {
    s.terminationGracePeriodSeconds = o.terminationGracePeriodSeconds
  }
  return s
}

function validatePod (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  // status writes and bindings (which only set spec.nodeName, checked by the registry) skip the pod-update rules
  if (ctx.subresource === 'status' || ctx.subresource === 'binding') return []
  const errs = [...validatePodSpec(obj.spec, 'spec'), ...validateEphemeralContainers(obj.spec, 'spec')]
  if (ctx.old === undefined) {
    errs.push(...validateNoEphemeralContainersOnCreate(obj.spec, 'spec'))
  } else if (ctx.subresource === 'ephemeralcontainers') {
    // the registry kept everything but spec.ephemeralContainers, so only their own update rules apply
    return validateEphemeralContainersUpdate(obj, ctx.old, errs)
  } else {
    const oldSpec = mutableStripped(ctx.old.spec, ctx.old.spec)
    const newSpec = mutableStripped(obj.spec, ctx.old.spec)
    if (!jsonEqual(oldSpec, newSpec)) errs.push(forbidden('spec', POD_UPDATE_MESSAGE))
    const oldDeadline = asObj(ctx.old.spec).activeDeadlineSeconds
    if (oldDeadline !== undefined && asObj(obj.spec).activeDeadlineSeconds === undefined) {
      errs.push({ type: 'FieldValueInvalid', field: 'spec.activeDeadlineSeconds', badValue: null, message: 'must not update from a positive integer to nil value' })
    }
  }
  return errs
}

const pod = (path: string) => (o: KubeObject): string | undefined => {
  const v = path.split('.').reduce<unknown>((cur, k) => asObj(cur)[k], o)
  return typeof v === 'string' ? v : undefined
}

export const podSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  subresources: ['status', 'binding', 'eviction', 'log', 'exec', 'attach', 'portforward', 'proxy', 'ephemeralcontainers'],
  fieldSelectors: {
    'spec.nodeName': pod('spec.nodeName'),
    'spec.restartPolicy': pod('spec.restartPolicy'),
    'spec.schedulerName': pod('spec.schedulerName'),
    'spec.serviceAccountName': pod('spec.serviceAccountName'),
    'spec.hostNetwork': (o) => String(asObj(o.spec).hostNetwork === true),
    'status.phase': pod('status.phase'),
    'status.podIP': pod('status.podIP'),
    'status.nominatedNodeName': pod('status.nominatedNodeName')
  },
  defaults: defaultPod,
  validate: validatePod,
  patchStrategies: {
    ...prefixed('spec', POD_SPEC_PATCH_STRATEGIES),
    'status.conditions': { strategy: 'merge', mergeKey: 'type' },
    'status.podIPs': { strategy: 'merge', mergeKey: 'ip' },
    'status.hostIPs': { strategy: 'merge', mergeKey: 'ip' }
  },
  printerColumns: [
    nameColumn(),
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.', (o, now) => podSummary(o, now).ready),
    column('Status', 'The aggregate status of the containers in this pod.', (o, now) => podSummary(o, now).status),
    column('Restarts', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.', (o, now) => podSummary(o, now).restarts),
    ageColumn(),
    wide('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', podIpCell),
    wide('Node', 'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.', (o) => asStr(asObj(o.spec).nodeName) || '<none>'),
    wide('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.', (o) => asStr(asObj(o.status).nominatedNodeName) || '<none>'),
    wide('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', readinessGatesCell)
  ]
})
