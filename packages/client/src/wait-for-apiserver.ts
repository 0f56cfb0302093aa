import { sleep, systemClock } from './clock.js'
import type { Clock } from './clock.js'
import type { ClientConfig } from './kubeconfig-types.js'
import type { Logger } from './logger.js'
import { RestClient } from './rest-client.js'

/**
 * Polls the apiserver's `/readyz` once a second until it answers ok or `signal` aborts: daemons gate on their
 * dependency being ready (k3s's ready channels) instead of relying on start order.
 */
export async function waitForApiserver (config: ClientConfig, opts: { component: string, signal: AbortSignal, logger: Logger, clock?: Clock }): Promise<void> {
  const clock = opts.clock ?? systemClock
  const probe = new RestClient(config, { component: opts.component, qps: 0, timeoutMs: 5000, maxRetries: 0, clock })
  try {
    for (let attempt = 0; !opts.signal.aborted; attempt++) {
      try {
        await probe.raw('GET', '/readyz', undefined, { signal: opts.signal })
        return
      } catch (err) {
        if (opts.signal.aborted) return
        if (attempt % 10 === 0) opts.logger.info({ err: (err as Error).message, server: config.server }, 'waiting for the apiserver to be ready')
        await sleep(clock, 1000, opts.signal).catch(() => {})
      }
    }
  } finally {
    probe.close()
  }
}
