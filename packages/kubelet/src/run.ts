import type { Logger } from 'pino'
import { runSkeleton } from '@kube-ts/component-base'
import type { KubeletOptions } from './options.js'

/** Not implemented yet: serves the health endpoints on --healthz-bind-address:--healthz-port, then exits non-zero. */
export async function run (options: KubeletOptions, deps: { signal: AbortSignal, logger: Logger }): Promise<void> {
  await runSkeleton({ component: 'kubelet', bindAddress: options.healthzBindAddress, port: options.healthzPort, logger: deps.logger, signal: deps.signal })
}
