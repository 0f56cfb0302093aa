import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn, wide } from '../printers/columns.js'
import { asObj, at, formatLabels, formatLabelSelector } from '../printers/format.js'
import { containerColumns, intAt, readyOfDesired } from '../printers/workload-cells.js'
import { parseApiVersion } from '../meta/object.js'
import { defineSchema } from './define.js'
import { forbidden, immutable, invalid, jsonEqual, notSupported } from './field-errors.js'
import { child, defaultPodTemplateOf, defaultPvcSpec, objects, setDefault } from './pod-spec-defaults.js'
import { CONDITIONS_BY_TYPE, podTemplatePatchStrategies } from './pod-spec-patch.js'
import { immutableSpecFields, nonNegativeSpecFields, validateSelectedTemplate } from './workload-validation.js'

// apps/v1 DaemonSets, StatefulSets and ControllerRevisions.

const UPDATE_STRATEGIES = ['OnDelete', 'RollingUpdate']
const POD_MANAGEMENT = ['OrderedReady', 'Parallel']

function validateUpdateStrategyType (spec: Record<string, unknown>): FieldError[] {
  const t = asObj(spec.updateStrategy).type
  return UPDATE_STRATEGIES.includes(String(t)) ? [] : [notSupported('spec.updateStrategy.type', t, UPDATE_STRATEGIES)]
}

function defaultDaemonSet (obj: KubeObject): void {
  const spec = child(obj, 'spec')
  const strategy = child(spec, 'updateStrategy')
  setDefault(strategy, 'type', 'RollingUpdate')
  if (strategy.type === 'RollingUpdate') {
    const ru = child(strategy, 'rollingUpdate')
    setDefault(ru, 'maxUnavailable', 1)
    setDefault(ru, 'maxSurge', 0)
  }
  setDefault(spec, 'revisionHistoryLimit', 10)
  defaultPodTemplateOf(spec)
}

function validateDaemonSet (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status') return []
  const spec = asObj(obj.spec)
  return [
    ...nonNegativeSpecFields(spec, ['minReadySeconds', 'revisionHistoryLimit']),
    ...validateSelectedTemplate(spec, { emptyWord: 'daemonset', restartPolicies: ['Always'] }),
    ...validateUpdateStrategyType(spec),
    ...immutableSpecFields(spec, ctx, ['selector'])
  ]
}

export const daemonSetSchema = defineSchema({
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  subresources: ['status'],
  generationFields: ['spec'],
  defaults: defaultDaemonSet,
  validate: validateDaemonSet,
  patchStrategies: { ...podTemplatePatchStrategies('spec.template'), ...CONDITIONS_BY_TYPE },
  printerColumns: [
    nameColumn(),
    column('Desired', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod).', intAt('status.desiredNumberScheduled'), { type: 'integer' }),
    column('Current', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.', intAt('status.currentNumberScheduled'), { type: 'integer' }),
    column('Ready', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.', intAt('status.numberReady'), { type: 'integer' }),
    column('Up-to-date', 'The total number of nodes that are running updated daemon pod', intAt('status.updatedNumberScheduled'), { type: 'integer' }),
    column('Available', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)', intAt('status.numberAvailable'), { type: 'integer' }),
    column('Node Selector', 'NodeSelector is a selector which must be true for the pod to fit on a node.', (o) => formatLabels(at(o, 'spec.template.spec.nodeSelector'))),
    ageColumn(),
    ...containerColumns('spec.template.spec'),
    wide('Selector', 'A label query over pods that are managed by the daemon set.', (o) => formatLabelSelector(asObj(o.spec).selector))
  ]
})

function defaultStatefulSet (obj: KubeObject): void {
  const spec = child(obj, 'spec')
  setDefault(spec, 'replicas', 1)
  setDefault(spec, 'podManagementPolicy', 'OrderedReady')
  const strategy = child(spec, 'updateStrategy')
  setDefault(strategy, 'type', 'RollingUpdate')
  if (strategy.type === 'RollingUpdate') setDefault(child(strategy, 'rollingUpdate'), 'partition', 0)
  setDefault(spec, 'revisionHistoryLimit', 10)
  const retention = child(spec, 'persistentVolumeClaimRetentionPolicy')
  setDefault(retention, 'whenDeleted', 'Retain')
  setDefault(retention, 'whenScaled', 'Retain')
  for (const pvc of objects(spec.volumeClaimTemplates)) {
    defaultPvcSpec(child(pvc, 'spec'))
    setDefault(child(pvc, 'status'), 'phase', 'Pending')
  }
  defaultPodTemplateOf(spec)
}

const STS_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds']
const STS_UPDATE_MESSAGE = "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

function validateStatefulSet (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status' || ctx.subresource === 'scale') return nonNegativeSpecFields(obj.spec, ['replicas'])
  const spec = asObj(obj.spec)
  const errs = [
    ...nonNegativeSpecFields(spec, ['replicas', 'minReadySeconds', 'revisionHistoryLimit']),
    ...validateSelectedTemplate(spec, { emptyWord: 'statefulset', restartPolicies: ['Always'] }),
    ...validateUpdateStrategyType(spec)
  ]
  if (!POD_MANAGEMENT.includes(String(spec.podManagementPolicy))) errs.push(notSupported('spec.podManagementPolicy', spec.podManagementPolicy, POD_MANAGEMENT))
  if (ctx.old !== undefined) {
    const strip = (s: unknown): Record<string, unknown> => Object.fromEntries(Object.entries(asObj(s)).filter(([k]) => !STS_MUTABLE.includes(k)))
    if (!jsonEqual(strip(spec), strip(ctx.old.spec))) errs.push(forbidden('spec', STS_UPDATE_MESSAGE))
  }
  return errs
}

export const statefulSetSchema = defineSchema({
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  generationFields: ['spec'],
  defaults: defaultStatefulSet,
  validate: validateStatefulSet,
  patchStrategies: {
    ...podTemplatePatchStrategies('spec.template'),
    'spec.volumeClaimTemplates': { strategy: 'replace' },
    ...CONDITIONS_BY_TYPE
  },
  printerColumns: [
    nameColumn(),
    column('Ready', 'Number of the pod with ready state', readyOfDesired),
    ageColumn(),
    ...containerColumns('spec.template.spec')
  ]
})

/** `daemonset.apps/name` from the controller owner reference, `<none>` without one. */
export function controllerCell (o: KubeObject): string {
  const ref = (o.metadata?.ownerReferences ?? []).find((r) => r.controller === true)
  if (ref === undefined) return '<none>'
  const { group } = parseApiVersion(ref.apiVersion ?? '')
  const groupKind = group === '' ? ref.kind : `${ref.kind}.${group}`
  return `${groupKind.toLowerCase()}/${ref.name}`
}

export const controllerRevisionSchema = defineSchema({
  group: 'apps',
  version: 'v1',
  kind: 'ControllerRevision',
  plural: 'controllerrevisions',
  namespaced: true,
  validate: (obj, ctx) => {
    const errs: FieldError[] = typeof obj.revision === 'number' && obj.revision >= 0 ? [] : [invalid('revision', obj.revision, 'must be greater than or equal to 0')]
    if (ctx.old !== undefined && !jsonEqual(obj.data, ctx.old.data)) errs.push(immutable('data', obj.data))
    return errs
  },
  printerColumns: [
    nameColumn(),
    column('Controller', 'Controller of the object', controllerCell),
    column('Revision', 'Revision indicates the revision of the state represented by Data.', (o) => typeof o.revision === 'number' ? o.revision : 0),
    ageColumn()
  ]
})

