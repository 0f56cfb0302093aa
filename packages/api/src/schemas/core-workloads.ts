import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn, wide } from '../printers/columns.js'
import { asObj, containerCells, formatLabels } from '../printers/format.js'
import { containerColumns, intAt } from '../printers/workload-cells.js'
import { defineSchema } from './define.js'
import { isNonNegative, required } from './field-errors.js'
import { child, defaultPodTemplateOf, isObj, setDefault } from './pod-spec-defaults.js'
import { CONDITIONS_BY_TYPE, podTemplatePatchStrategies } from './pod-spec-patch.js'
import { validateLabelMap, validatePodTemplate } from './pod-spec-validation.js'
import { mapSelectorMatches } from './selector.js'

// core/v1 ReplicationControllers and PodTemplates.

function defaultReplicationController (obj: KubeObject): void {
  const spec = child(obj, 'spec')
  setDefault(spec, 'replicas', 1)
  defaultPodTemplateOf(spec)
  // selector and labels default to the template's labels (SetDefaults_ReplicationController)
  const templateLabels = isObj(spec.template) ? asObj(asObj(spec.template.metadata).labels) : {}
  if (Object.keys(templateLabels).length > 0) {
    if (!isObj(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...templateLabels }
    if (obj.metadata !== undefined && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...templateLabels } as Record<string, string>
  }
}

function validateReplicationController (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status') return []
  const spec = asObj(obj.spec)
  const errs = [...isNonNegative('spec.replicas', spec.replicas), ...isNonNegative('spec.minReadySeconds', spec.minReadySeconds)]
  const selector = asObj(spec.selector)
  if (Object.keys(selector).length === 0) errs.push(required('spec.selector'))
  else errs.push(...validateLabelMap(selector, 'spec.selector'))
  if (spec.template === undefined || spec.template === null) errs.push(required('spec.template'))
  else errs.push(...validatePodTemplate(spec.template, 'spec.template', { selects: (l) => mapSelectorMatches(selector, l), restartPolicies: ['Always'] }))
  return errs
}

export const replicationControllerSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'ReplicationController',
  plural: 'replicationcontrollers',
  namespaced: true,
  shortNames: ['rc'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  storageResource: 'controllers',
  generationFields: ['spec'],
  fieldSelectors: { 'status.replicas': (o) => String(intAt('status.replicas')(o)) },
  defaults: defaultReplicationController,
  validate: validateReplicationController,
  patchStrategies: { ...podTemplatePatchStrategies('spec.template'), ...CONDITIONS_BY_TYPE },
  printerColumns: [
    nameColumn(),
    column('Desired', 'Replicas is the number of desired replicas.', (o) => asObj(o.spec).replicas === undefined ? 1 : intAt('spec.replicas')(o), { type: 'integer' }),
    column('Current', 'Replicas is the most recently observed number of replicas.', intAt('status.replicas'), { type: 'integer' }),
    column('Ready', 'The number of ready replicas for this replication controller.', intAt('status.readyReplicas'), { type: 'integer' }),
    ageColumn(),
    ...containerColumns('spec.template.spec'),
    wide('Selector', 'Selector is a label query over pods that should match the Replicas count.', (o) => formatLabels(asObj(o.spec).selector))
  ]
})

export const podTemplateSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'PodTemplate',
  plural: 'podtemplates',
  namespaced: true,
  defaults: (obj) => defaultPodTemplateOf(obj),
  validate: (obj) => validatePodTemplate(obj.template, 'template'),
  patchStrategies: podTemplatePatchStrategies('template'),
  printerColumns: [
    nameColumn(),
    column('Containers', 'Names of each container in the template.', (o) => containerCells(asObj(asObj(o.template).spec).containers).names),
    column('Images', 'Images referenced by each container in the template.', (o) => containerCells(asObj(asObj(o.template).spec).containers).images),
    column('Pod Labels', 'The labels for the pod template.', (o) => formatLabels(asObj(asObj(o.template).metadata).labels))
  ]
})
