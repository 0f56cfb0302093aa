import { ApiError } from '../../errors/api-error.js'
import type { StatusCause } from '../../errors/status.js'
import { pathString, type FieldPath } from './field-set.js'
import { managerIdentity, type ManagerEntry } from './managed-fields.js'

export interface Conflict { owner: ManagerEntry, path: FieldPath }

/** `"m1"`, `"m1" with subresource "status"`, `"kubectl-edit" using v1` (managedfields conflict.go printManager). */
export function printManager (e: ManagerEntry): string {
  let s = JSON.stringify(e.manager)
  if (e.subresource !== undefined && e.subresource !== '') s += ` with subresource ${JSON.stringify(e.subresource)}`
  if (e.operation === 'Update') s += ` using ${e.apiVersion}`
  return s
}

/** 409 Conflict with one FieldManagerConflict cause per path, worded exactly as the apiserver does. */
export function errApplyConflict (conflicts: Conflict[]): ApiError {
  const sorted = [...conflicts].sort((a, b) => cmp(managerIdentity(a.owner), managerIdentity(b.owner)) ||
    cmp(pathString(a.path), pathString(b.path)))
  const causes: StatusCause[] = sorted.map(c => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${printManager(c.owner)}`,
    field: pathString(c.path)
  }))
  return new ApiError(409, 'Conflict', conflictMessage(sorted), { causes })
}

function conflictMessage (sorted: Conflict[]): string {
  const first = sorted[0]
  if (sorted.length === 1 && first !== undefined) {
    return `Apply failed with 1 conflict: conflict with ${printManager(first.owner)}: ${pathString(first.path)}`
  }
  const lines: string[] = []
  let lastId = ''
  for (const c of sorted) {
    const id = managerIdentity(c.owner)
    if (id !== lastId) lines.push(`conflicts with ${printManager(c.owner)}:`)
    lastId = id
    lines.push(`- ${pathString(c.path)}`)
  }
  return `Apply failed with ${sorted.length} conflicts: ${lines.join('\n')}`
}

function cmp (a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
