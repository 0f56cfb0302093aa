import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn } from '../printers/columns.js'
import { asArr, asObj, asStr } from '../printers/format.js'
import { defineSchema } from './define.js'
import { forbidden, immutable, invalid, required } from './field-errors.js'
import { isObj, setDefault } from './pod-spec-defaults.js'

// ConfigMap, Secret and ServiceAccount: the configuration kinds of core/v1.

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/
const CONFIG_KEY_MESSAGE = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
const MAX_TOTAL_BYTES = 1024 * 1024

/** `IsConfigMapKey`: the messages for one data key. */
export function configKeyErrors (key: string): string[] {
  const msgs: string[] = []
  if (key.length > 253) msgs.push('must be no more than 253 characters')
  if (!CONFIG_KEY.test(key)) msgs.push(CONFIG_KEY_MESSAGE)
  if (key === '.') msgs.push("must not be '.'")
  else if (key === '..') msgs.push("must not be '..'")
  else if (key.startsWith('..')) msgs.push("must not start with '..'")
  return msgs
}

function validateKeys (data: unknown, field: string): FieldError[] {
  return Object.keys(asObj(data)).flatMap((k) => configKeyErrors(k).map((m) => invalid(`${field}[${k}]`, k, m)))
}

/** `immutable: true` freezes data (and itself) once set. */
function validateImmutable (obj: KubeObject, ctx: StrategyContext, fields: string[]): FieldError[] {
  const old = ctx.old
  if (old?.immutable !== true) return []
  const errs: FieldError[] = []
  if (obj.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'))
  for (const f of fields) {
    if (JSON.stringify(obj[f] ?? {}) !== JSON.stringify(old[f] ?? {})) errs.push(forbidden(f, 'field is immutable when `immutable` is set'))
  }
  return errs
}

function totalSize (...maps: unknown[]): number {
  return maps.reduce<number>((n, m) => n + Object.entries(asObj(m)).reduce((s, [k, v]) => s + k.length + asStr(v).length, 0), 0)
}

function validateConfigMap (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  const errs = [...validateKeys(obj.data, 'data'), ...validateKeys(obj.binaryData, 'binaryData')]
  for (const k of Object.keys(asObj(obj.data))) {
    if (k in asObj(obj.binaryData)) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'))
  }
  if (totalSize(obj.data, obj.binaryData) > MAX_TOTAL_BYTES) {
    errs.push({ type: 'FieldValueTooLong', field: '', badValue: '<value omitted>', message: `must have at most ${MAX_TOTAL_BYTES} bytes` })
  }
  return errs.concat(validateImmutable(obj, ctx, ['data', 'binaryData']))
}

export const configMapSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
  shortNames: ['cm'],
  validate: validateConfigMap,
  printerColumns: [
    nameColumn(),
    column('Data', 'Data contains the configuration data.', (o) => Object.keys(asObj(o.data)).length + Object.keys(asObj(o.binaryData)).length),
    ageColumn()
  ]
})

function defaultSecret (obj: KubeObject): void {
  setDefault(obj, 'type', 'Opaque')
  // stringData is write-only: the v1 conversion folds it into data, base64-encoded, overriding data keys
  if (isObj(obj.stringData)) {
    const data = isObj(obj.data) ? obj.data : {}
    for (const [k, v] of Object.entries(obj.stringData)) data[k] = Buffer.from(asStr(v), 'utf8').toString('base64')
    obj.data = data
    delete obj.stringData
  }
}

/** Keys that each well-known secret type must carry (ValidateSecret). */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey']
}

function validateSecret (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  const errs = validateKeys(obj.data, 'data')
  const type = asStr(obj.type)
  const data = asObj(obj.data)
  for (const key of REQUIRED_KEYS[type] ?? []) {
    if (!(key in data)) errs.push(required(`data[${key}]`))
  }
  if (type === 'kubernetes.io/service-account-token' && asStr(obj.metadata?.annotations?.['kubernetes.io/service-account.name']) === '') {
    errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'))
  }
  if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    errs.push(required('data[username]', 'must specify one of: `username` or `password`'))
  }
  if (totalSize(obj.data) > MAX_TOTAL_BYTES) errs.push({ type: 'FieldValueTooLong', field: 'data', badValue: '', message: `must have at most ${MAX_TOTAL_BYTES} bytes` })
  if (ctx.old !== undefined && asStr(ctx.old.type) !== type) errs.push(immutable('type', type))
  return errs.concat(validateImmutable(obj, ctx, ['data']))
}

export const secretSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  fieldSelectors: { type: (o) => asStr(o.type) },
  defaults: defaultSecret,
  validate: validateSecret,
  printerColumns: [
    nameColumn(),
    column('Type', 'Used to facilitate programmatic handling of secret data.', (o) => asStr(o.type)),
    column('Data', 'Data contains the secret data.', (o) => Object.keys(asObj(o.data)).length),
    ageColumn()
  ]
})

export const serviceAccountSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  namespaced: true,
  shortNames: ['sa'],
  subresources: ['token'],
  patchStrategies: { secrets: { strategy: 'merge', mergeKey: 'name' }, imagePullSecrets: { strategy: 'replace' } },
  printerColumns: [
    nameColumn(),
    column('Secrets', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.', (o) => asArr(o.secrets).length),
    ageColumn()
  ]
})
