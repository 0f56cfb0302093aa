import type { Logger } from 'pino'
import { runSkeleton } from '@kube-ts/component-base'
import type { SchedulerOptions } from './options.js'

/**
 * Runs the scheduler until `signal` aborts. Not implemented yet: serves the health endpoints on --secure-port
 * and then fails, so supervisors and tests see an honest non-zero exit.
 */
export async function run (options: SchedulerOptions, deps: { signal: AbortSignal, logger: Logger }): Promise<void> {
  await runSkeleton({ component: 'kube-scheduler', bindAddress: options.bindAddress, port: options.securePort, logger: deps.logger, signal: deps.signal })
}
