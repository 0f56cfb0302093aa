import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema, StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn } from '../printers/columns.js'
import { asObj, asStr } from '../printers/format.js'
import { hpaMinPodsCell, hpaTargetsCell } from '../printers/hpa-cells.js'
import { defineSchema } from './define.js'
import { invalid, required } from './field-errors.js'
import { child, isObj, setDefault } from './pod-spec-defaults.js'

// autoscaling/v2 HorizontalPodAutoscalers, the storage version; autoscaling/v1 is served as a converted view of
// these objects (autoscaling-v1.ts).

type Obj = Record<string, unknown>

/** Fills the nil fields of one scaling direction (GenerateHPAScaleUpRules / ScaleDownRules). */
function defaultRules (behavior: Obj, key: 'scaleUp' | 'scaleDown'): void {
  const rules = child(behavior, key)
  setDefault(rules, 'stabilizationWindowSeconds', key === 'scaleUp' ? 0 : 300)
  setDefault(rules, 'selectPolicy', 'Max')
  const policies = key === 'scaleUp'
    ? [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }]
    : [{ type: 'Percent', value: 100, periodSeconds: 15 }]
  if (!Array.isArray(rules.policies) || rules.policies.length === 0) rules.policies = policies
}

function defaultHpa (obj: KubeObject): void {
  const spec = child(obj, 'spec')
  setDefault(spec, 'minReplicas', 1)
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]
  }
  // behavior defaults apply only when the user asked for a behavior at all
  if (isObj(spec.behavior)) {
    defaultRules(spec.behavior, 'scaleUp')
    defaultRules(spec.behavior, 'scaleDown')
  }
}

function validateHpa (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status') return []
  const spec = asObj(obj.spec)
  const errs: FieldError[] = []
  const ref = asObj(spec.scaleTargetRef)
  if (asStr(ref.kind) === '') errs.push(required('spec.scaleTargetRef.kind'))
  if (asStr(ref.name) === '') errs.push(required('spec.scaleTargetRef.name'))
  const min = spec.minReplicas
  const max = spec.maxReplicas
  if (typeof min === 'number' && min < 1) errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'))
  if (typeof max !== 'number' || max < 1) errs.push(invalid('spec.maxReplicas', max ?? 0, 'must be greater than 0'))
  else if (typeof min === 'number' && max < min) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'))
  return errs
}

export const horizontalPodAutoscalerSchema = defineSchema({
  group: 'autoscaling',
  version: 'v2',
  kind: 'HorizontalPodAutoscaler',
  plural: 'horizontalpodautoscalers',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  subresources: ['status'],
  defaults: defaultHpa,
  validate: validateHpa,
  patchStrategies: { 'status.conditions': { strategy: 'merge', mergeKey: 'type' } },
  printerColumns: [
    nameColumn(),
    column('Reference', 'reference to scaled resource; horizontal pod autoscaler will learn the current resource consumption and will set the desired number of pods by using its Scale subresource.', (o) => {
      const ref = asObj(asObj(o.spec).scaleTargetRef)
      return `${asStr(ref.kind)}/${asStr(ref.name)}`
    }),
    column('Targets', 'metrics contains the specifications for which to use to calculate the desired replica count.', hpaTargetsCell),
    column('MinPods', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.', hpaMinPodsCell),
    column('MaxPods', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.', (o) => typeof asObj(o.spec).maxReplicas === 'number' ? asObj(o.spec).maxReplicas as number : 0),
    column('Replicas', 'currentReplicas is current number of replicas of pods managed by this autoscaler.', (o) => typeof asObj(o.status).currentReplicas === 'number' ? asObj(o.status).currentReplicas as number : 0),
    ageColumn()
  ]
})


