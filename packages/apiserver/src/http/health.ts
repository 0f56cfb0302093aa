import { Router } from 'express'
import type { Request, Response, Router as ExpressRouter } from 'express'
import { writeText } from './respond.js'

/** One named check of /healthz, /livez or /readyz; resolves true when healthy. */
export interface HealthCheck { name: string, check: () => Promise<boolean> }

async function runChecks (checks: HealthCheck[]): Promise<Array<{ name: string, ok: boolean }>> {
  return await Promise.all(checks.map(async (c) => {
    try {
      return { name: c.name, ok: await c.check() }
    } catch {
      return { name: c.name, ok: false }
    }
  }))
}

/**
 * Upstream's health endpoint format: `ok` (200) or, verbose or failing, one `[+]name ok` / `[-]name failed` line
 * per check and a closing line; failing answers 500. `/<endpoint>/<check>` runs a single check.
 */
function endpoint (path: string, checks: HealthCheck[]): ExpressRouter {
  const serve = (selected: HealthCheck[]) => async (req: Request, res: Response): Promise<void> => {
    const results = await runChecks(selected)
    const failed = results.some((r) => !r.ok)
    const verbose = req.query.verbose !== undefined
    if (!failed && !verbose) {
      writeText(res, 200, 'ok')
      return
    }
    const lines = results.map((r) => (r.ok ? `[+]${r.name} ok` : `[-]${r.name} failed: reason withheld`))
    lines.push(failed ? `${path} check failed` : `${path} check passed`)
    writeText(res, failed ? 500 : 200, `${lines.join('\n')}\n`)
  }
  const router = Router()
  router.get(`/${path}`, serve(checks))
  for (const c of checks) router.get(`/${path}/${c.name}`, serve([c]))
  return router
}

/**
 * /healthz and /readyz include storage and, when given, the bootstrap post-start hook (so clients that wait for
 * /readyz find `kube-node-lease` and the system priority classes); /livez has neither, so an etcd outage never gets
 * the apiserver restarted.
 */
export function healthRouter (storageHealthy: () => Promise<boolean>, bootstrapped?: () => boolean): ExpressRouter {
  const ping: HealthCheck = { name: 'ping', check: async () => true }
  const etcd: HealthCheck = { name: 'etcd', check: storageHealthy }
  const hooks: HealthCheck[] = bootstrapped === undefined ? [] : [{ name: 'poststarthook/bootstrap-controller', check: async () => bootstrapped() }]
  const router = Router()
  router.use(endpoint('healthz', [ping, etcd, ...hooks]))
  router.use(endpoint('livez', [ping]))
  router.use(endpoint('readyz', [ping, etcd, ...hooks]))
  return router
}
