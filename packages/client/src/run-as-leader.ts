import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Lease } from 'kubernetes-types/coordination/v1.js'
import type { Clock } from './clock.js'
import type { ClientConfig } from './kubeconfig-types.js'
import { runLeaderElection } from './leader-election.js'
import type { LeaderElectionResult } from './leader-election.js'
import type { Logger } from './logger.js'
import * as resources from './resources.js'
import { RestClient } from './rest-client.js'

export interface RunAsLeaderOptions {
  /** The daemon (`kube-scheduler`); its lease client identifies as `<component>-leader-election`. */
  component: string
  lease: { namespace: string, name: string, leaseDurationMs: number, renewDeadlineMs: number, retryPeriodMs: number, releaseOnCancel?: boolean }
  /** Defaults to upstream's `<hostname>_<uuid>`. */
  identity?: string
  /** What leading starts, for the log line (`scheduling`, `controllers`). */
  work: string
  /** The leader's work; its signal aborts when leadership ends. */
  run: (signal: AbortSignal) => Promise<void>
  clock: Clock
  signal: AbortSignal
  logger: Logger
}

/**
 * The leader-elected daemon's main loop, as every kube-* daemon runs it: a Lease client of its own (never rate
 * limited, so renewals are not starved by the work), `run` while leading, upstream's log lines. Resolves 'lost'
 * when renewals failed (the caller exits non-zero) or 'canceled' on shutdown.
 */
export async function runAsLeader (config: ClientConfig, opts: RunAsLeaderOptions): Promise<LeaderElectionResult> {
  const { logger: log, lease } = opts
  const identity = opts.identity ?? `${hostname()}_${randomUUID()}`
  const leaseClient = new RestClient(config, { component: `${opts.component}-leader-election`, qps: 0, logger: log, clock: opts.clock })
  try {
    const result = await runLeaderElection({
      client: leaseClient.resource<Lease>(resources.leases),
      namespace: lease.namespace,
      name: lease.name,
      identity,
      leaseDurationMs: lease.leaseDurationMs,
      renewDeadlineMs: lease.renewDeadlineMs,
      retryPeriodMs: lease.retryPeriodMs,
      ...(lease.releaseOnCancel !== undefined ? { releaseOnCancel: lease.releaseOnCancel } : {}),
      clock: opts.clock,
      signal: opts.signal,
      logger: log,
      onStartedLeading: async (signal) => {
        log.info({ identity }, `became leader, starting ${opts.work}`)
        await opts.run(signal)
      },
      onStoppedLeading: () => { log.info({ identity }, 'stopped leading') },
      onNewLeader: (holder) => { if (holder !== identity) log.info({ leader: holder }, 'new leader elected') }
    })
    if (result === 'lost') log.error({ identity }, 'leaderelection lost')
    return result
  } finally {
    leaseClient.close()
  }
}
