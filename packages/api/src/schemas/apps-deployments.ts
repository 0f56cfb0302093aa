import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn, wide } from '../printers/columns.js'
import { asObj, formatLabelSelector, labelSelectorString } from '../printers/format.js'
import { containerColumns, intAt, readyOfDesired } from '../printers/workload-cells.js'
import { defineSchema } from './define.js'
import { forbidden, invalid, notSupported } from './field-errors.js'
import { child, defaultPodTemplateOf, setDefault } from './pod-spec-defaults.js'
import { CONDITIONS_BY_TYPE, podTemplatePatchStrategies } from './pod-spec-patch.js'
import { immutableSpecFields, nonNegativeSpecFields, validateSelectedTemplate } from './workload-validation.js'

// apps/v1 Deployments and ReplicaSets.

const STRATEGY_TYPES = ['Recreate', 'RollingUpdate']

function defaultDeployment (obj: KubeObject): void {
  const spec = child(obj, 'spec')
  setDefault(spec, 'replicas', 1)
  const strategy = child(spec, 'strategy')
  setDefault(strategy, 'type', 'RollingUpdate')
  if (strategy.type === 'RollingUpdate') {
    const ru = child(strategy, 'rollingUpdate')
    setDefault(ru, 'maxUnavailable', '25%')
    setDefault(ru, 'maxSurge', '25%')
  }
  setDefault(spec, 'revisionHistoryLimit', 10)
  setDefault(spec, 'progressDeadlineSeconds', 600)
  defaultPodTemplateOf(spec)
}

/** An IntOrString that must be a non-negative int or a percentage up to 100%. */
function validateIntOrPercent (v: unknown, field: string): FieldError[] {
  if (v === undefined) return []
  if (typeof v === 'number') return v < 0 ? [invalid(field, v, 'must be greater than or equal to 0')] : []
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null
  if (m === null) return [invalid(field, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")]
  return Number(m[1]) > 100 ? [invalid(field, v, 'must not be greater than 100%')] : []
}

const isZero = (v: unknown): boolean => v === 0 || v === '0%'

function validateStrategy (spec: Record<string, unknown>): FieldError[] {
  const strategy = asObj(spec.strategy)
  const errs: FieldError[] = []
  if (!STRATEGY_TYPES.includes(String(strategy.type))) return [notSupported('spec.strategy.type', strategy.type, STRATEGY_TYPES)]
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
      errs.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"))
    }
    return errs
  }
  const ru = asObj(strategy.rollingUpdate)
  errs.push(...validateIntOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'))
  errs.push(...validateIntOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'))
  if (isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
    errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'))
  }
  return errs
}

function validateDeployment (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status' || ctx.subresource === 'scale') return nonNegativeSpecFields(obj.spec, ['replicas'])
  const spec = asObj(obj.spec)
  const errs = [
    ...nonNegativeSpecFields(spec, ['replicas', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds']),
    ...validateSelectedTemplate(spec, { emptyWord: 'deployment', restartPolicies: ['Always'] }),
    ...validateStrategy(spec),
    ...immutableSpecFields(spec, ctx, ['selector'])
  ]
  const pds = spec.progressDeadlineSeconds
  const mrs = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0
  if (typeof pds === 'number' && pds <= mrs) errs.push(invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'))
  return errs
}

export const deploymentSchema = defineSchema({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  generationFields: ['spec'],
  defaults: defaultDeployment,
  validate: validateDeployment,
  patchStrategies: {
    ...podTemplatePatchStrategies('spec.template'),
    'spec.strategy': { strategy: 'retainKeys' },
    ...CONDITIONS_BY_TYPE
  },
  printerColumns: [
    nameColumn(),
    column('Ready', 'Number of the pod with ready state', readyOfDesired),
    column('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', intAt('status.updatedReplicas')),
    column('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', intAt('status.availableReplicas')),
    ageColumn(),
    ...containerColumns('spec.template.spec'),
    wide('Selector', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', (o) => labelSelectorString(asObj(o.spec).selector) ?? '<invalid>')
  ]
})

function validateReplicaSet (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status' || ctx.subresource === 'scale') return nonNegativeSpecFields(obj.spec, ['replicas'])
  return [
    ...nonNegativeSpecFields(obj.spec, ['replicas', 'minReadySeconds']),
    ...validateSelectedTemplate(obj.spec, { emptyWord: 'deployment', restartPolicies: ['Always'] }),
    ...immutableSpecFields(obj.spec, ctx, ['selector'])
  ]
}

export const replicaSetSchema = defineSchema({
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  generationFields: ['spec'],
  fieldSelectors: { 'status.replicas': (o) => String(intAt('status.replicas')(o)) },
  defaults: (obj) => {
    const spec = child(obj, 'spec')
    setDefault(spec, 'replicas', 1)
    defaultPodTemplateOf(spec)
  },
  validate: validateReplicaSet,
  patchStrategies: { ...podTemplatePatchStrategies('spec.template'), ...CONDITIONS_BY_TYPE },
  printerColumns: [
    nameColumn(),
    column('Desired', 'Replicas is the number of desired replicas.', (o) => asObj(o.spec).replicas === undefined ? 1 : intAt('spec.replicas')(o), { type: 'integer' }),
    column('Current', 'Replicas is the most recently observed number of replicas.', intAt('status.replicas'), { type: 'integer' }),
    column('Ready', 'The number of ready replicas for this replica set.', intAt('status.readyReplicas'), { type: 'integer' }),
    ageColumn(),
    ...containerColumns('spec.template.spec'),
    wide('Selector', 'Selector is a label query over pods that should match the replica count.', (o) => formatLabelSelector(asObj(o.spec).selector))
  ]
})
