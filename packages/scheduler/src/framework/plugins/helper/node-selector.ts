import type { Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1.js'

function requirementMatches (r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? []
  switch (r.operator) {
    case 'In': return value !== undefined && values.includes(value)
    case 'NotIn': return value === undefined || !values.includes(value)
    case 'Exists': return value !== undefined
    case 'DoesNotExist': return value === undefined
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false
      const have = Number.parseInt(value, 10)
      const want = Number.parseInt(values[0] ?? '', 10)
      if (!Number.isInteger(have) || !Number.isInteger(want)) return false
      return r.operator === 'Gt' ? have > want : have < want
    }
    default: return false
  }
}

/** A term matches when all its expressions (labels) and fields (only metadata.name) hold; an empty term matches nothing. */
export function termMatches (term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  if (exprs.length === 0 && fields.length === 0) return false
  const labels = node.metadata?.labels ?? {}
  for (const e of exprs) if (!requirementMatches(e, labels[e.key])) return false
  for (const f of fields) {
    const value = f.key === 'metadata.name' ? node.metadata?.name : undefined
    if (f.key !== 'metadata.name' || !requirementMatches(f, value)) return false
  }
  return true
}

/** Terms are ORed (upstream nodeaffinity.NodeSelector.Match). */
export function nodeSelectorMatches (sel: NodeSelector, node: Node): boolean {
  return sel.nodeSelectorTerms.some(t => termMatches(t, node))
}

export function labelsMatchMap (want: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (want === undefined) return true
  const have = labels ?? {}
  return Object.entries(want).every(([k, v]) => have[k] === v)
}
