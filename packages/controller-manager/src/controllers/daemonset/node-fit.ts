import type { Node, NodeSelectorRequirement, NodeSelectorTerm, PodSpec, Taint, Toleration } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'

type RNode = DeepReadonly<Node>
type RSpec = DeepReadonly<PodSpec>

/**
 * Tolerations every daemon pod gets (upstream AddOrUpdateDaemonPodTolerations): daemons keep running on nodes
 * that are not ready, unreachable, under resource pressure or cordoned; host-network daemons also tolerate an
 * unconfigured network.
 */
export function defaultDaemonTolerations (hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }
  ]
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' })
  return t
}

/** Adds the default tolerations a spec lacks (same key and effect counts as present). */
export function withDaemonTolerations (tolerations: ReadonlyArray<DeepReadonly<Toleration>> | undefined, hostNetwork: boolean): Toleration[] {
  const out = structuredClone(tolerations ?? []) as Toleration[]
  for (const d of defaultDaemonTolerations(hostNetwork)) {
    if (!out.some(t => t.key === d.key && t.effect === d.effect)) out.push(d)
  }
  return out
}

/** Upstream v1helper.ToleratesTaint. */
export function toleratesTaint (t: DeepReadonly<Toleration>, taint: DeepReadonly<Taint>): boolean {
  if (t.effect != null && t.effect !== '' && t.effect !== taint.effect) return false
  if (t.key != null && t.key !== '' && t.key !== taint.key) return false
  if (t.operator === 'Exists') return true
  if (t.operator == null || t.operator === '' || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '')
  return false
}

function requirementMatches (r: DeepReadonly<NodeSelectorRequirement>, value: string | undefined): boolean {
  const vals = r.values ?? []
  switch (r.operator) {
    case 'In': return value !== undefined && vals.includes(value)
    case 'NotIn': return value === undefined || !vals.includes(value)
    case 'Exists': return value !== undefined
    case 'DoesNotExist': return value === undefined
    case 'Gt':
    case 'Lt': {
      if (value === undefined || vals.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(vals[0] ?? '')) return false
      return r.operator === 'Gt' ? Number(value) > Number(vals[0]) : Number(value) < Number(vals[0])
    }
    default: return false
  }
}

function termMatches (term: DeepReadonly<NodeSelectorTerm>, node: RNode): boolean {
  const exprs = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  // an empty term matches nothing, as upstream
  if (exprs.length === 0 && fields.length === 0) return false
  const labels = node.metadata?.labels ?? {}
  return exprs.every(r => requirementMatches(r, labels[r.key])) &&
    fields.every(r => r.key === 'metadata.name' && requirementMatches(r, node.metadata?.name))
}

/** nodeSelector and required node affinity (terms ORed, requirements ANDed). */
export function nodeMatchesPod (node: RNode, spec: RSpec): boolean {
  const labels = node.metadata?.labels ?? {}
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (terms == null) return true
  return terms.some(t => termMatches(t, node))
}

/**
 * Upstream NodeShouldRunDaemonPod: `shouldRun` when the node matches and every NoSchedule/NoExecute taint is
 * tolerated; `shouldContinueRunning` when a pod already there may stay (only NoExecute taints evict it).
 */
export function nodeShouldRunDaemonPod (node: RNode, spec: RSpec): { shouldRun: boolean, shouldContinueRunning: boolean } {
  if (!nodeMatchesPod(node, spec)) return { shouldRun: false, shouldContinueRunning: false }
  const tolerations = withDaemonTolerations(spec.tolerations, spec.hostNetwork === true)
  const untolerated = (node.spec?.taints ?? []).filter(t => t.effect !== 'PreferNoSchedule' && !tolerations.some(x => toleratesTaint(x, t)))
  return { shouldRun: untolerated.length === 0, shouldContinueRunning: !untolerated.some(t => t.effect === 'NoExecute') }
}
