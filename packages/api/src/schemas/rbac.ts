import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema, StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn, wide } from '../printers/columns.js'
import { asObj, asStr } from '../printers/format.js'
import { defineSchema } from './define.js'
import { invalid, notSupported, required } from './field-errors.js'
import { objects, setDefault } from './pod-spec-defaults.js'

// rbac.authorization.k8s.io/v1: Roles and ClusterRoles have no printer upstream (default Name/Created At columns).

const GROUP = 'rbac.authorization.k8s.io'
const SUBJECT_KINDS = ['ServiceAccount', 'User', 'Group']

function validateRules (obj: KubeObject): FieldError[] {
  const errs: FieldError[] = []
  objects(obj.rules).forEach((r, i) => {
    if (!Array.isArray(r.verbs) || r.verbs.length === 0) errs.push(required(`rules[${i}].verbs`, 'verbs must contain at least one value'))
    const nonResource = Array.isArray(r.nonResourceURLs) && r.nonResourceURLs.length > 0
    if (nonResource && Array.isArray(r.resources) && r.resources.length > 0) errs.push(invalid(`rules[${i}].nonResourceURLs`, r.nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs'))
    if (!nonResource && (!Array.isArray(r.apiGroups) || r.apiGroups.length === 0)) errs.push(required(`rules[${i}].apiGroups`, 'resource rules must supply at least one api group'))
    if (!nonResource && (!Array.isArray(r.resources) || r.resources.length === 0)) errs.push(required(`rules[${i}].resources`, 'resource rules must supply at least one resource'))
  })
  return errs
}

/**
 * Subjects default their apiGroup by kind (SetDefaults_Subject). A ServiceAccount's default is the empty group,
 * which upstream's `omitempty` never writes out, so it is not added (apply would otherwise always see a change).
 */
function defaultSubjects (obj: KubeObject): void {
  for (const s of objects(obj.subjects)) {
    if (s.kind === 'User' || s.kind === 'Group') setDefault(s, 'apiGroup', GROUP)
  }
  const ref = obj.roleRef
  if (ref !== null && typeof ref === 'object') setDefault(ref as Record<string, unknown>, 'apiGroup', GROUP)
}

function validateBinding (obj: KubeObject, ctx: StrategyContext, roleKinds: string[]): FieldError[] {
  const errs: FieldError[] = []
  const ref = asObj(obj.roleRef)
  if (asStr(ref.apiGroup) !== GROUP) errs.push(notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [GROUP]))
  if (!roleKinds.includes(asStr(ref.kind))) errs.push(notSupported('roleRef.kind', ref.kind ?? '', roleKinds))
  if (asStr(ref.name) === '') errs.push(required('roleRef.name'))
  objects(obj.subjects).forEach((s, i) => {
    const f = `subjects[${i}]`
    if (asStr(s.name) === '') errs.push(required(`${f}.name`))
    if (!SUBJECT_KINDS.includes(asStr(s.kind))) errs.push(notSupported(`${f}.kind`, s.kind ?? '', SUBJECT_KINDS))
    if (s.kind === 'ServiceAccount' && asStr(s.namespace) === '' && obj.metadata?.namespace === undefined) errs.push(required(`${f}.namespace`))
  })
  if (ctx.old !== undefined && JSON.stringify(ctx.old.roleRef) !== JSON.stringify(obj.roleRef)) errs.push(invalid('roleRef', obj.roleRef, 'cannot change roleRef'))
  return errs
}

/** Users, Groups and ServiceAccounts of a binding (`SubjectsStrings`), each joined by `, `. */
function subjectCells (obj: KubeObject): { users: string, groups: string, serviceAccounts: string } {
  const users: string[] = []
  const groups: string[] = []
  const sas: string[] = []
  for (const s of objects(obj.subjects)) {
    if (s.kind === 'User') users.push(asStr(s.name))
    else if (s.kind === 'Group') groups.push(asStr(s.name))
    else if (s.kind === 'ServiceAccount') sas.push(`${asStr(s.namespace)}/${asStr(s.name)}`)
  }
  return { users: users.join(', '), groups: groups.join(', '), serviceAccounts: sas.join(', ') }
}

function bindingColumns (what: string): ReturnType<typeof nameColumn>[] {
  return [
    nameColumn(),
    column('Role', 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.', (o) => `${asStr(asObj(o.roleRef).kind)}/${asStr(asObj(o.roleRef).name)}`),
    ageColumn(),
    wide('Users', `Users in the ${what}`, (o) => subjectCells(o).users),
    wide('Groups', `Groups in the ${what}`, (o) => subjectCells(o).groups),
    wide('ServiceAccounts', `ServiceAccounts in the ${what}`, (o) => subjectCells(o).serviceAccounts)
  ]
}

export const roleSchema = defineSchema({ group: GROUP, version: 'v1', kind: 'Role', plural: 'roles', namespaced: true, nameCheck: 'path-segment', validate: validateRules })

export const clusterRoleSchema = defineSchema({ group: GROUP, version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', namespaced: false, nameCheck: 'path-segment', validate: validateRules })

export const roleBindingSchema = defineSchema({
  group: GROUP,
  version: 'v1',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  namespaced: true,
  nameCheck: 'path-segment',
  defaults: defaultSubjects,
  validate: (obj, ctx) => validateBinding(obj, ctx, ['Role', 'ClusterRole']),
  printerColumns: bindingColumns('roleBinding')
})

export const clusterRoleBindingSchema = defineSchema({
  group: GROUP,
  version: 'v1',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  namespaced: false,
  nameCheck: 'path-segment',
  defaults: defaultSubjects,
  validate: (obj, ctx) => validateBinding(obj, ctx, ['ClusterRole']),
  printerColumns: bindingColumns('clusterRoleBinding')
})

export const rbacSchemas: ResourceSchema[] = [clusterRoleBindingSchema, clusterRoleSchema, roleBindingSchema, roleSchema]
