import type { Logger } from 'pino'
import { runSkeleton } from '@kube-ts/component-base'
import type { KubeProxyOptions } from './options.js'

/** Not implemented yet: serves the health endpoints on --healthz-bind-address, then exits non-zero when interrupted. */
export async function run (options: KubeProxyOptions, deps: { signal: AbortSignal, logger: Logger }): Promise<void> {
  const { host, port } = options.healthzBindAddress
  await runSkeleton({ component: 'kube-proxy', bindAddress: host, port, logger: deps.logger, signal: deps.signal })
}
