import type { Logger } from 'pino'
import { loadClientConfig, runAsLeader, systemClock, waitForApiserver } from '@kube-ts/client'
import type { Clock } from '@kube-ts/client'
import { createMetricsRegistry, LeaderElectionLostError, startHealthServer } from '@kube-ts/component-base'
import type { HealthServer } from '@kube-ts/component-base'
import type { Options } from '../options.js'
import { controllerDescriptors } from './controller-descriptors.js'
import type { ControllerDescriptor } from './controller-descriptors.js'
import { runControllers } from './controllers-runner.js'

export interface RunDeps {
  signal: AbortSignal
  logger: Logger
  clock?: Clock
  /** Defaults to the built-in registry; tests pass a subset. */
  descriptors?: readonly ControllerDescriptor[]
  /** Called once the health server listens (tests read the chosen port). */
  onListening?: (server: HealthServer) => void
  /** Identity for leader election; default `<hostname>_<uuid>` as upstream. */
  identity?: string
}

export { LeaderElectionLostError }

/**
 * kube-controller-manager's server loop (upstream app.Run): health and metrics endpoints, wait for the apiserver,
 * then run the enabled controllers, under leader election on Lease `kube-system/kube-controller-manager` unless
 * `--leader-elect=false`. Resolves on clean shutdown, rejects with LeaderElectionLostError when the lease is lost.
 */
export async function run (options: Options, deps: RunDeps): Promise<void> {
  const log = deps.logger
  const clock = deps.clock ?? systemClock
  const config = loadClientConfig({ kubeconfig: options.kubeconfig, master: options.master })
  const registry = createMetricsRegistry()
  const health = await startHealthServer({
    port: options.securePort,
    bindAddress: options.bindAddress,
    checks: [],
    registry,
    logger: log,
    signal: deps.signal
  })
  deps.onListening?.(health)
  const base = { config, options, descriptors: deps.descriptors ?? controllerDescriptors, registry, logger: log, clock }
  try {
    await waitForApiserver(config, { component: 'kube-controller-manager', signal: deps.signal, logger: log, clock })
    if (deps.signal.aborted) return
    if (!options.leaderElect) {
      await runControllers({ ...base, signal: deps.signal })
      return
    }
    const result = await runAsLeader(config, {
      component: 'kube-controller-manager',
      lease: {
        namespace: options.leaderElectResourceNamespace,
        name: options.leaderElectResourceName,
        leaseDurationMs: options.leaderElectLeaseDurationMs,
        renewDeadlineMs: options.leaderElectRenewDeadlineMs,
        retryPeriodMs: options.leaderElectRetryPeriodMs,
        releaseOnCancel: options.leaderElectReleaseOnCancel
      },
      ...(deps.identity !== undefined ? { identity: deps.identity } : {}),
      work: 'controllers',
      run: async (signal) => { await runControllers({ ...base, signal }) },
      clock,
      signal: deps.signal,
      logger: log
    })
    if (result === 'lost') throw new LeaderElectionLostError()
  } finally {
    await health.close()
  }
}
