import type { PodFailurePolicy, PodFailurePolicyRule } from 'kubernetes-types/batch/v1.js'
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'

/** What a failed pod means for its Job under spec.podFailurePolicy (upstream matchPodFailurePolicy). */
export type FailureVerdict =
  | { action: 'FailJob', message: string }
  | { action: 'Ignore' }
  | { action: 'Count' }

type RPod = DeepReadonly<Pod>
type RRule = DeepReadonly<PodFailurePolicyRule>

/**
 * Matches a failed pod against the rules in order; the first rule that matches decides. No policy, or no
 * matching rule, counts the failure against backoffLimit. FailIndex counts too (per-index backoff is not
 * modelled here).
 */
export function matchPodFailurePolicy (policy: DeepReadonly<PodFailurePolicy> | undefined, pod: RPod): FailureVerdict {
  for (const [i, rule] of (policy?.rules ?? []).entries()) {
    const why = ruleMatch(rule, pod)
    if (why === undefined) continue
    if (rule.action === 'Ignore') return { action: 'Ignore' }
    if (rule.action === 'FailJob') return { action: 'FailJob', message: `${why} matching FailJob rule at index ${i}` }
    return { action: 'Count' }
  }
  return { action: 'Count' }
}

function ruleMatch (rule: RRule, pod: RPod): string | undefined {
  const podName = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`
  if (rule.onExitCodes != null) {
    const on = rule.onExitCodes
    const statuses: Array<DeepReadonly<ContainerStatus>> = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]
    for (const s of statuses) {
      const code = s.state?.terminated?.exitCode
      // exit code 0 is success and never matches, as upstream
      if (code === undefined || code === 0) continue
      if (on.containerName != null && on.containerName !== s.name) continue
      const inValues = on.values.includes(code)
      if ((on.operator === 'In' && inValues) || (on.operator === 'NotIn' && !inValues)) {
        return `Container ${s.name} for pod ${podName} failed with exit code ${code}`
      }
    }
    return undefined
  }
  for (const p of rule.onPodConditions ?? []) {
    const c = pod.status?.conditions?.find(x => x.type === p.type)
    if (c !== undefined && c.status === (p.status ?? 'True')) return `Pod ${podName} has condition ${p.type}`
  }
  return undefined
}
