// scripts/bench-controllers: how fast kube-controller-manager turns one Deployment of N replicas into N Pod
// objects, against the apiserver's own pod-create throughput from one client at the same concurrency, measured
// in the same run. The controller creates pods in slow-start batches (1, 2, 4, ... at most 500 per sync, upstream's
// burstReplicas), so the baseline replays exactly that schedule. Prints a table and a JSON line; results go to
// packages/controller-manager/README.md.
import { spawn } from 'node:child_process'
import http from 'node:http'
import { cpus } from 'node:os'
import { fmt, freePort, get, request, sleep, startApiserver, startEtcd, waitFor } from './lib.mjs'

const quick = process.argv.includes('--quick')
const N = quick ? 200 : 1000
const BURST = 500

const podTemplate = { metadata: { labels: { app: 'bench' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }

async function createNamespace (base, name) {
  const r = await request('POST', `${base}/api/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
  if (r.status !== 201 && r.status !== 409) throw new Error(`namespace ${name}: ${r.status} ${r.body}`)
}

/** The controller's schedule: rounds of at most BURST pods, each round in batches of 1, 2, 4, ... in parallel. */
async function rawCreates (base, ns, total) {
  const started = performance.now()
  let made = 0
  let maxInFlight = 0
  while (made < total) {
    const round = Math.min(BURST, total - made)
    let done = 0
    for (let batch = 1; done < round; batch = Math.min(batch * 2, round - done)) {
      const size = Math.min(batch, round - done)
      maxInFlight = Math.max(maxInFlight, size)
      await Promise.all(Array.from({ length: size }, async () => {
        const body = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'raw-', namespace: ns, labels: podTemplate.metadata.labels }, spec: podTemplate.spec }
        const r = await request('POST', `${base}/api/v1/namespaces/${ns}/pods`, body)
        if (r.status !== 201) throw new Error(`raw create: ${r.status} ${r.body}`)
      }))
      done += size
    }
    made += round
  }
  const seconds = (performance.now() - started) / 1000
  return { seconds, podsPerSecond: total / seconds, maxInFlight }
}

/** Resolves with the time at which `count` pods have been ADDED in `ns` (a watch from the current revision). */
function watchForPods (base, ns, count) {
  return new Promise((resolve, reject) => {
    let seen = 0
    let buf = ''
    const req = http.get(`${base}/api/v1/namespaces/${ns}/pods?watch=1&allowWatchBookmarks=false`, (res) => {
      res.setEncoding('utf8')
      res.on('data', (chunk) => {
        buf += chunk
        for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
          const line = buf.slice(0, i)
          buf = buf.slice(i + 1)
          if (line.trim() === '') continue
          if (JSON.parse(line).type === 'ADDED' && ++seen === count) { resolve(performance.now()); req.destroy() }
        }
      })
      res.on('error', (err) => { if (seen < count) reject(err) })
    })
    req.on('error', (err) => { if (seen < count) reject(err) })
  })
}

async function startControllerManager (base, extra) {
  const port = await freePort()
  const proc = spawn(process.execPath, ['packages/controller-manager/dist/main.js', `--master=${base}`, '--leader-elect=false', `--secure-port=${port}`,
    '--bind-address=127.0.0.1', '--controllers=replicaset-controller,deployment-controller', ...extra], { stdio: ['ignore', 'ignore', 'inherit'] })
  await waitFor(async () => (await get(`http://127.0.0.1:${port}/readyz`)).status === 200, 'kube-controller-manager /readyz')
  return { stop: async () => { proc.kill('SIGTERM'); await sleep(500); proc.kill('SIGKILL') } }
}

const deployment = (name, replicas) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { ...podTemplate, metadata: { labels: { app: name } } } }
})

/** Deployment created -> N pods exist, with one warm-up Deployment first so informers are synced. */
async function viaController (base, ns, label, extraFlags) {
  await createNamespace(base, ns)
  const kcm = await startControllerManager(base, extraFlags)
  try {
    const warm = watchForPods(base, ns, 1)
    await request('POST', `${base}/apis/apps/v1/namespaces/${ns}/deployments`, deployment('warmup', 1))
    await warm
    const done = watchForPods(base, ns, N)
    const started = performance.now()
    const r = await request('POST', `${base}/apis/apps/v1/namespaces/${ns}/deployments`, deployment('bench', N))
    if (r.status !== 201) throw new Error(`deployment create: ${r.status} ${r.body}`)
    const finished = await done
    const seconds = (finished - started) / 1000
    return { label, seconds, podsPerSecond: N / seconds }
  } finally {
    await kcm.stop()
  }
}

async function main () {
  const etcd = await startEtcd()
  const api = await startApiserver(etcd.url)
  const results = { machine: `${cpus().length} cpus, node ${process.version}`, replicas: N, runs: [] }
  try {
    await createNamespace(api.base, 'bench-raw')
    const raw = await rawCreates(api.base, 'bench-raw', N)
    results.raw = raw
    console.log(`raw pod creates, one client, slow-start batches (max ${raw.maxInFlight} in flight): ${N} pods in ${fmt(raw.seconds, 2)} s = ${fmt(raw.podsPerSecond)} pods/s`)
    for (const [label, ns, flags] of [
      ['unthrottled client (--kube-api-qps=100000)', 'bench-fast', ['--kube-api-qps=100000', '--kube-api-burst=100000']],
      ['upstream default client limits (--kube-api-qps=20 --kube-api-burst=30)', 'bench-default', []]
    ]) {
      const run = await viaController(api.base, ns, label, flags)
      run.ratioToRaw = run.podsPerSecond / raw.podsPerSecond
      results.runs.push(run)
      console.log(`Deployment(${N}) -> ${N} Pods, ${label}: ${fmt(run.seconds, 2)} s = ${fmt(run.podsPerSecond)} pods/s (${fmt(run.ratioToRaw * 100)}% of raw)`)
    }
    console.log(JSON.stringify(results))
  } finally {
    await api.stop()
    await etcd.stop()
  }
}

main().catch((err) => { console.error(err); process.exitCode = 1 })
