import type { Logger } from 'pino'
import { runSkeleton } from '@kube-ts/component-base'
import type { CloudControllerManagerOptions } from './options.js'

/** Not implemented yet: serves the health endpoints on --secure-port, then exits non-zero when interrupted. */
export async function run (options: CloudControllerManagerOptions, deps: { signal: AbortSignal, logger: Logger }): Promise<void> {
  await runSkeleton({ component: 'cloud-controller-manager', bindAddress: options.bindAddress, port: options.securePort, logger: deps.logger, signal: deps.signal })
}
