import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema, StrategyContext } from '../schema/resource-schema.js'
import { timestampSince } from '../printers/age.js'
import { ageColumn, column, nameColumn, wide } from '../printers/columns.js'
import { asArr, asObj, asStr, at, boolPtr, formatLabelSelector } from '../printers/format.js'
import { jobCompletionsCell, jobDurationCell, jobStatusCell } from '../printers/job-cells.js'
import { containerColumns } from '../printers/workload-cells.js'
import { defineSchema } from './define.js'
import { invalid, notSupported, required } from './field-errors.js'
import { child, defaultPodTemplateOf, isObj, setDefault } from './pod-spec-defaults.js'
import { CONDITIONS_BY_TYPE, podTemplatePatchStrategies } from './pod-spec-patch.js'
import { validatePodTemplate } from './pod-spec-validation.js'
import { isValidLabelValue } from '../validation/index.js'
import { immutableSpecFields, nonNegativeSpecFields, validateSelectedTemplate } from './workload-validation.js'

// batch/v1 Jobs and CronJobs.

const JOB_RESTART_POLICIES = ['OnFailure', 'Never']
const CONTROLLER_UID = 'batch.kubernetes.io/controller-uid'
const JOB_NAME = 'batch.kubernetes.io/job-name'

/** Job defaults, and upstream's generated selector: the job's uid labels its pods unless `manualSelector` is set. */
function defaultJob (obj: KubeObject): void {
  const spec = child(obj, 'spec')
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1
    spec.parallelism = 1
  }
  setDefault(spec, 'parallelism', 1)
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex === undefined ? 6 : 2147483647)
  setDefault(spec, 'completionMode', 'NonIndexed')
  setDefault(spec, 'suspend', false)
  setDefault(spec, 'podReplacementPolicy', spec.podFailurePolicy === undefined ? 'TerminatingOrFailed' : 'Failed')
  const uid = obj.metadata?.uid
  const name = obj.metadata?.name ?? ''
  if (spec.manualSelector !== true && typeof uid === 'string' && uid !== '' && isObj(spec.template)) {
    // generateSelector: the uid labels go on the template and into the selector, which may already hold user labels
    const meta = child(spec.template, 'metadata')
    const nameLabels = isValidLabelValue(name).length === 0 ? { [JOB_NAME]: name, 'job-name': name } : {}
    meta.labels = { ...asObj(meta.labels), [CONTROLLER_UID]: uid, 'controller-uid': uid, ...nameLabels }
    const selector = child(spec, 'selector')
    const matchLabels = child(selector, 'matchLabels')
    setDefault(matchLabels, CONTROLLER_UID, uid)
  }
  defaultPodTemplateOf(spec)
}

function validateJob (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status') return []
  const spec = asObj(obj.spec)
  const errs = [
    ...nonNegativeSpecFields(spec, ['parallelism', 'completions', 'backoffLimit']),
    ...validateSelectedTemplate(spec, { emptyWord: 'deployment', restartPolicies: JOB_RESTART_POLICIES, selectorRequired: ctx.old !== undefined })
  ]
  // without manualSelector the selector must be the generated one (ValidateGeneratedSelector)
  const uid = obj.metadata?.uid
  const selectorUid = asObj(asObj(spec.selector).matchLabels)[CONTROLLER_UID]
  if (spec.manualSelector !== true && spec.selector !== undefined && typeof uid === 'string' && uid !== '' && selectorUid !== uid) {
    errs.push(invalid('spec.selector', spec.selector, '`selector` not auto-generated'))
  }
  const deadline = spec.activeDeadlineSeconds
  if (deadline !== undefined && (typeof deadline !== 'number' || deadline <= 0)) errs.push(invalid('spec.activeDeadlineSeconds', deadline, 'must be greater than 0'))
  const mode = spec.completionMode
  if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported('spec.completionMode', mode, ['NonIndexed', 'Indexed']))
  if (mode === 'Indexed' && spec.completions === undefined) errs.push(required('spec.completions', 'when completion mode is Indexed'))
  // the pod template may only change while the job is suspended (mutable scheduling directives)
  const frozen = ctx.old !== undefined && asObj(ctx.old.spec).suspend === true ? ['selector', 'completionMode'] : ['selector', 'template', 'completionMode']
  return errs.concat(immutableSpecFields(spec, ctx, frozen))
}

export const jobSchema = defineSchema({
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  generationFields: ['spec'],
  fieldSelectors: { 'status.successful': (o) => String(typeof at(o, 'status.succeeded') === 'number' ? at(o, 'status.succeeded') : 0) },
  defaults: defaultJob,
  validate: validateJob,
  patchStrategies: { ...podTemplatePatchStrategies('spec.template'), ...CONDITIONS_BY_TYPE, 'spec.podFailurePolicy.rules': { strategy: 'replace' } },
  printerColumns: [
    nameColumn(),
    column('Status', 'Status of the job.', jobStatusCell),
    column('Completions', 'The number of pods which reached phase Succeeded.', jobCompletionsCell),
    column('Duration', 'Time required to complete the job.', jobDurationCell),
    ageColumn(),
    ...containerColumns('spec.template.spec'),
    wide('Selector', 'A label query over pods that should match the pod count.', (o) => formatLabelSelector(asObj(o.spec).selector))
  ]
})

const CONCURRENCY = ['Allow', 'Forbid', 'Replace']
const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']

/** A cron schedule: five fields, a predefined descriptor, or `@every <duration>` (robfig/cron's standard parser). */
export function scheduleErrors (schedule: string): string[] {
  const s = schedule.replace(/^(CRON_)?TZ=\S+\s+/, '').trim()
  if (s.startsWith('@')) {
    if (DESCRIPTORS.includes(s) || /^@every\s+(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(s)) return []
    return [`unrecognized descriptor: ${s}`]
  }
  const fields = s.split(/\s+/).filter((f) => f !== '')
  if (fields.length !== 5) return [`expected exactly 5 fields, found ${fields.length}: ${s}`]
  return fields.every((f) => /^[\d*?/,\-A-Za-z]+$/.test(f)) ? [] : [`unparseable schedule: ${s}`]
}

function validateCronJob (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status') return []
  const spec = asObj(obj.spec)
  const errs: FieldError[] = [...nonNegativeSpecFields(spec, ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit', 'startingDeadlineSeconds'])]
  const name = obj.metadata?.name ?? ''
  if (name.length > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'))
  const schedule = asStr(spec.schedule)
  if (schedule === '') errs.push(required('spec.schedule'))
  else errs.push(...scheduleErrors(schedule).map((m) => invalid('spec.schedule', schedule, m)))
  if (!CONCURRENCY.includes(String(spec.concurrencyPolicy))) errs.push(notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, CONCURRENCY))
  const jobSpec = asObj(asObj(spec.jobTemplate).spec)
  errs.push(...validatePodTemplate(jobSpec.template, 'spec.jobTemplate.spec.template', { restartPolicies: JOB_RESTART_POLICIES }))
  return errs
}

export const cronJobSchema = defineSchema({
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  plural: 'cronjobs',
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  subresources: ['status'],
  generationFields: ['spec'],
  defaults: (obj) => {
    const spec = child(obj, 'spec')
    setDefault(spec, 'concurrencyPolicy', 'Allow')
    setDefault(spec, 'suspend', false)
    setDefault(spec, 'successfulJobsHistoryLimit', 3)
    setDefault(spec, 'failedJobsHistoryLimit', 1)
    defaultPodTemplateOf(child(child(spec, 'jobTemplate'), 'spec'))
  },
  validate: validateCronJob,
  patchStrategies: { ...podTemplatePatchStrategies('spec.jobTemplate.spec.template'), 'status.active': { strategy: 'replace' } },
  printerColumns: [
    nameColumn(),
    column('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.', (o) => asStr(asObj(o.spec).schedule)),
    column('Timezone', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.', (o) => asStr(asObj(o.spec).timeZone) || '<none>'),
    column('Suspend', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.', (o) => boolPtr(asObj(o.spec).suspend), { type: 'boolean' }),
    column('Active', 'A list of pointers to currently running jobs.', (o) => asArr(asObj(o.status).active).length, { type: 'integer' }),
    column('Last Schedule', 'Information when was the last time the job was successfully scheduled.', (o, now) => asObj(o.status).lastScheduleTime === undefined ? '<none>' : timestampSince(asObj(o.status).lastScheduleTime, now)),
    ageColumn(),
    ...containerColumns('spec.jobTemplate.spec.template.spec'),
    wide('Selector', 'A label query over pods that should match the pod count.', (o) => formatLabelSelector(at(o, 'spec.jobTemplate.spec.selector')))
  ]
})

export const batchSchemas: ResourceSchema[] = [cronJobSchema, jobSchema]
