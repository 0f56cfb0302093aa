// Shared helpers for the bench-* scripts: free ports, a private etcd, percentiles, HTTP with keep-alive.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function freePort () {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)) })
  })
}

export const sleep = (ms) => new Promise(r => setTimeout(r, ms))

export async function waitFor (fn, what, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs
  for (;;) {
    try { if (await fn()) return } catch {}
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(100)
  }
}

/** Starts a private etcd on free ports with a temp data dir; `stop()` kills it and removes the data. */
export async function startEtcd () {
  const [client, peer] = [await freePort(), await freePort()]
  const dir = mkdtempSync(join(tmpdir(), 'kube-ts-bench-etcd-'))
  const url = `http://127.0.0.1:${client}`
  const proc = spawn('etcd', ['--name', 'bench', '--data-dir', dir, '--listen-client-urls', url, '--advertise-client-urls', url,
    '--listen-peer-urls', `http://127.0.0.1:${peer}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${peer}`,
    '--initial-cluster', `bench=http://127.0.0.1:${peer}`, '--quota-backend-bytes', String(8 * 1024 ** 3)], { stdio: 'ignore' })
  await waitFor(async () => (await get(`${url}/health`)).status === 200, 'etcd')
  return { url, stop: async () => { proc.kill('SIGKILL'); await sleep(200); rmSync(dir, { recursive: true, force: true }) } }
}

/** Starts the built kube-apiserver on a free port against `etcdUrl`. */
export async function startApiserver (etcdUrl, extraArgs = []) {
  const port = await freePort()
  const proc = spawn(process.execPath, ['packages/apiserver/dist/main.js', `--etcd-servers=${etcdUrl}`, `--secure-port=${port}`,
    '--bind-address=127.0.0.1', '--insecure-serve-plain-http', '--max-requests-inflight=4000', '--max-mutating-requests-inflight=2000', ...extraArgs],
  { stdio: ['ignore', 'ignore', 'inherit'] })
  const base = `http://127.0.0.1:${port}`
  await waitFor(async () => (await get(`${base}/readyz`)).status === 200, 'apiserver /readyz')
  return { base, pid: proc.pid, stop: async () => { proc.kill('SIGTERM'); await sleep(300); proc.kill('SIGKILL') } }
}

/** Starts the floor baseline (scripts/bench/minimal-server.cjs) on a free port against `etcdUrl`. */
export async function startMinimalServer (etcdUrl) {
  const port = await freePort()
  const proc = spawn(process.execPath, ['scripts/bench/minimal-server.cjs', etcdUrl, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise((resolve, reject) => {
    proc.stdout.once('data', resolve)
    proc.once('exit', code => reject(new Error(`minimal server exited with ${code}`)))
  })
  return { base: `http://127.0.0.1:${port}`, pid: proc.pid, stop: async () => { proc.kill('SIGKILL'); await sleep(100) } }
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 4096 })

export function request (method, url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
    const req = http.request(url, { method, agent, headers: { 'content-type': 'application/json', ...(data ? { 'content-length': data.length } : {}), ...headers } }, res => {
      const chunks = []
      res.on('data', c => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    if (data) req.write(data)
    req.end()
  })
}
export const get = (url) => request('GET', url)

export function percentile (values, p) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Runs `total` operations through `concurrency` workers; returns ops/s and per-op latencies (ms). */
export async function runConcurrent (total, concurrency, op) {
  let next = 0
  const latencies = []
  const started = performance.now()
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < total; i = next++) {
      const t = performance.now()
      await op(i)
      latencies.push(performance.now() - t)
    }
  }))
  const seconds = (performance.now() - started) / 1000
  return { opsPerSecond: total / seconds, latencies }
}

export const fmt = (n, digits = 1) => Number.isFinite(n) ? n.toFixed(digits) : String(n)

/** CPU time (user + system, ms) process `pid` has used so far, from Linux /proc; NaN where that is unavailable. */
export function processCpuMs (pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return NaN
  }
}
