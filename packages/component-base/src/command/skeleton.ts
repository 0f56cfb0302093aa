import type { Logger } from 'pino'
import { NotImplementedError } from '../errors.js'
import { startHealthServer } from '../health/health-server.js'
import { createMetricsRegistry } from '../metrics/create-metrics-registry.js'

export interface SkeletonOptions {
  component: string
  bindAddress: string
  port: number
  logger: Logger
  signal: AbortSignal
}

/**
 * What a daemon without its control loops does: serve `/healthz`, `/livez` and `/metrics` (with `/readyz` failing
 * its `implemented` check, since the daemon does no work) until interrupted, then fail with NotImplementedError so
 * the process exits non-zero. Honest placeholder until the daemon's own `run` lands.
 */
export async function runSkeleton (o: SkeletonOptions): Promise<never> {
  const server = await startHealthServer({
    port: o.port,
    bindAddress: o.bindAddress,
    checks: [],
    readyChecks: [{ name: 'implemented', check: () => false }],
    registry: createMetricsRegistry(),
    logger: o.logger,
    signal: o.signal
  })
  o.logger.error({ address: server.address, port: server.port }, `${o.component} is not implemented yet: serving health endpoints only until interrupted`)
  process.stderr.write(`${o.component} is not implemented yet; serving /healthz on ${server.address}:${server.port} until interrupted\n`)
  await new Promise<void>((resolve) => {
    if (o.signal.aborted) resolve()
    else o.signal.addEventListener('abort', () => resolve(), { once: true })
  })
  await server.close()
  throw new NotImplementedError(o.component)
}
