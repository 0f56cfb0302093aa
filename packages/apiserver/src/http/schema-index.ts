import type { ResourceSchema } from '@kube-ts/api'

/** Exact lookup of a schema by group, version and plural resource name (no prefix matching anywhere). */
export class SchemaIndex {
  private readonly byResource = new Map<string, ResourceSchema>()

  constructor (readonly schemas: readonly ResourceSchema[]) {
    for (const s of schemas) this.byResource.set(key(s.group, s.version, s.plural), s)
  }

  find (group: string, version: string, resource: string): ResourceSchema | undefined {
    return this.byResource.get(key(group, version, resource))
  }
}

function key (group: string, version: string, resource: string): string {
  return `${group}\u0000${version}\u0000${resource}`
}
