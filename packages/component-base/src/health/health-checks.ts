/** One named probe, as upstream's `healthz.HealthChecker`: `Name()` plus `Check()`. */
export interface HealthCheck {
  name: string
  check: () => Promise<boolean> | boolean
}

export interface CheckResult { name: string, ok: boolean }

/** Runs checks concurrently; a throwing or hanging check counts as failed (never crashes the endpoint). */
export async function runChecks (checks: HealthCheck[], timeoutMs: number): Promise<CheckResult[]> {
  return await Promise.all(checks.map(async (c) => ({ name: c.name, ok: await runOne(c, timeoutMs) })))
}

async function runOne (c: HealthCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  try {
    const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs) })
    return (await Promise.race([Promise.resolve().then(c.check), timeout])) === true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Renders a probe response like upstream `healthz.handleRootHealth`: `ok` when everything passes, a per-check list
 * (`[+]ping ok` / `[-]etcd failed: reason withheld`) plus `<endpoint> check passed|failed` when verbose or failing.
 */
export function renderProbe (endpoint: string, results: CheckResult[], verbose: boolean, excluded: string[]): { status: number, body: string } {
  const failed = results.some(r => !r.ok)
  if (!failed && !verbose) return { status: 200, body: 'ok' }
  let body = ''
  for (const r of results) body += r.ok ? `[+]${r.name} ok\n` : `[-]${r.name} failed: reason withheld\n`
  for (const name of excluded) body += `warn: some health checks cannot be excluded: no matches for "${name}"\n`
  body += failed ? `${endpoint} check failed\n` : `${endpoint} check passed\n`
  return { status: failed ? 500 : 200, body }
}
