import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Registry } from 'prom-client'
import type { Logger } from 'pino'
import { renderProbe, runChecks } from './health-checks.js'
import type { HealthCheck } from './health-checks.js'

export interface HealthServerOptions {
  /** 0 picks a free port (tests); the bound port is returned. */
  port: number
  bindAddress: string
  /** Checks for all three probes (`ping` is always added, as upstream). */
  checks: HealthCheck[]
  /** Extra checks only `/readyz` runs (e.g. "informers synced", "leader elected"). */
  readyChecks?: HealthCheck[]
  registry: Registry
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
  /** Aborting closes the server; `/readyz` reports `shutdown` failed from the moment it aborts. */
  signal: AbortSignal
  checkTimeoutMs?: number
}

export interface HealthServer {
  port: number
  address: string
  close: () => Promise<void>
}

const ping: HealthCheck = { name: 'ping', check: () => true }

/** Serves `/healthz`, `/livez`, `/readyz` (plus `/<probe>/<check>`) and `/metrics` on plain HTTP. */
export async function startHealthServer (opts: HealthServerOptions): Promise<HealthServer> {
  const shutdown: HealthCheck = { name: 'shutdown', check: () => !opts.signal.aborted }
  const probes: Record<string, HealthCheck[]> = {
    healthz: [ping, ...opts.checks],
    livez: [ping, ...opts.checks],
    readyz: [ping, ...opts.checks, ...(opts.readyChecks ?? []), shutdown]
  }
  const timeoutMs = opts.checkTimeoutMs ?? 5000
  const server = createServer((req, res) => {
    handle(req, res, probes, opts.registry, timeoutMs).catch((err: unknown) => {
      opts.logger.error({ err, url: req.url }, 'health endpoint failed')
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('internal error\n')
    })
  })
  await listen(server, opts.port, opts.bindAddress)
  const addr = server.address() as AddressInfo
  opts.logger.info({ address: addr.address, port: addr.port }, 'serving healthz and metrics')
  const close = async (): Promise<void> => {
    if (!server.listening) return
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }
  opts.signal.addEventListener('abort', () => { void close() }, { once: true })
  return { port: addr.port, address: addr.address, close }
}

async function listen (server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => { server.off('error', reject); resolve() })
  })
}

async function handle (req: IncomingMessage, res: ServerResponse, probes: Record<string, HealthCheck[]>, registry: Registry, timeoutMs: number): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n')
  const parts = url.pathname.split('/').filter(p => p !== '')
  if (parts.length === 1 && parts[0] === 'metrics') {
    const body = await registry.metrics()
    res.writeHead(200, { 'Content-Type': registry.contentType })
    res.end(req.method === 'HEAD' ? undefined : body)
    return
  }
  const probe = parts[0] === undefined ? undefined : probes[parts[0]]
  if (probe === undefined || parts.length > 2 || parts[0] === undefined) return send(res, 404, '404 page not found\n')
  if (parts.length === 2) {
    // `/healthz/<name>`: a single check, `ok` or 500 `internal server error: <name> check failed`.
    const one = probe.find(c => c.name === parts[1])
    if (one === undefined) return send(res, 404, '404 page not found\n')
    const [result] = await runChecks([one], timeoutMs)
    return result?.ok === true ? send(res, 200, 'ok') : send(res, 500, `internal server error: ${one.name} check failed\n`)
  }
  const exclude = url.searchParams.getAll('exclude').flatMap(e => e.split(',')).filter(e => e !== '')
  const selected = probe.filter(c => !exclude.includes(c.name))
  const unmatched = exclude.filter(e => !probe.some(c => c.name === e))
  const results = await runChecks(selected, timeoutMs)
  const { status, body } = renderProbe(parts[0], results, url.searchParams.has('verbose'), unmatched)
  send(res, status, body)
}

function send (res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' })
  res.end(body)
}
