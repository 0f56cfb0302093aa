import type { Logger } from 'pino'
import { runSkeleton } from '@kube-ts/component-base'
import type { CorednsLiteOptions } from './options.js'

/** Not implemented yet: serves the health endpoints on --health-bind-address:--health-port, then exits non-zero. */
export async function run (options: CorednsLiteOptions, deps: { signal: AbortSignal, logger: Logger }): Promise<void> {
  await runSkeleton({ component: 'coredns-lite', bindAddress: options.healthBindAddress, port: options.healthPort, logger: deps.logger, signal: deps.signal })
}
