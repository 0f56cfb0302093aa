import { leaderElectionFrom, loggingFlagsFrom, validateLeaderElection } from '@kube-ts/component-base'
import type { LeaderElectionFlags, LoggingFlags } from '@kube-ts/component-base'

/** Typed kube-scheduler options (upstream cmd/kube-scheduler/app/options). */
export interface SchedulerOptions extends LoggingFlags {
  config?: string
  kubeconfig?: string
  master?: string
  bindAddress: string
  securePort: number
  kubeApiQps: number
  kubeApiBurst: number
  leaderElection: LeaderElectionFlags
  podMaxInUnschedulablePodsDurationMs: number
}

/** Turns commander's raw values into options; every field has a default from command.ts. */
export function optionsFromFlags (raw: Record<string, unknown>): SchedulerOptions {
  return {
    ...loggingFlagsFrom(raw),
    config: raw.config as string | undefined,
    kubeconfig: raw.kubeconfig as string | undefined,
    master: raw.master as string | undefined,
    bindAddress: raw.bindAddress as string,
    securePort: raw.securePort as number,
    kubeApiQps: raw.kubeApiQps as number,
    kubeApiBurst: raw.kubeApiBurst as number,
    leaderElection: leaderElectionFrom(raw),
    podMaxInUnschedulablePodsDurationMs: raw.podMaxInUnschedulablePodsDuration as number
  }
}

/** Every problem at once; empty when the options are usable. */
export function validateOptions (o: SchedulerOptions): string[] {
  const problems = validateLeaderElection(o.leaderElection)
  if (o.kubeApiQps <= 0) problems.push('--kube-api-qps must be greater than zero')
  if (o.kubeApiBurst < 1) problems.push('--kube-api-burst must be at least 1')
  if (o.podMaxInUnschedulablePodsDurationMs <= 0) problems.push('--pod-max-in-unschedulable-pods-duration must be greater than zero')
  return problems
}
