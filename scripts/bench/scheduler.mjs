// scripts/bench-scheduler: upstream scheduler_perf "SchedulingBasic" against the real apiserver and etcd. Registers N
// Node objects (no kubelets), starts kube-scheduler, creates M pods and measures pods/s from the first create to the
// last binding seen on a watch. In the same run, on a fresh namespace before the scheduler starts, it measures the
// apiserver's own pods/binding throughput (M binds at the same client concurrency) as the ceiling. Prints a table and
// JSON lines; results go to packages/scheduler/README.md.
import { spawn } from 'node:child_process'
import { openSync } from 'node:fs'
import http from 'node:http'
import { cpus, totalmem } from 'node:os'
import { fmt, freePort, get, percentile, request, runConcurrent, sleep, startApiserver, startEtcd, waitFor } from './lib.mjs'

const args = process.argv.slice(2)
const scenarios = args.includes('--quick') ? [[100, 200]] : args.includes('--large-only') ? [[5000, 10000]] : args.includes('--large') ? [[500, 1000], [5000, 10000]] : [[500, 1000]]
const CONCURRENCY = 100

// upstream config/templates/node-default.yaml and pod-default.yaml
const nodeStatus = { capacity: { cpu: '4', memory: '32Gi', pods: '110' }, allocatable: { cpu: '4', memory: '32Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] }
const podSpec = (schedulerName) => ({ schedulerName, containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '100m', memory: '500Mi' }, limits: { cpu: '100m', memory: '500Mi' } } }] })

async function must (method, url, body, ok = [200, 201]) {
  const r = await request(method, url, body)
  if (!ok.includes(r.status)) throw new Error(`${method} ${url}: ${r.status} ${r.body.slice(0, 300)}`)
  return JSON.parse(r.body)
}

async function createNodes (base, n) {
  await runConcurrent(n, CONCURRENCY, async (i) => {
    const name = `node-${i}`
    const created = await must('POST', `${base}/api/v1/nodes`, { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } } })
    await must('PUT', `${base}/api/v1/nodes/${name}/status`, { ...created, status: nodeStatus })
  })
}

async function createNamespace (base, name) {
  await must('POST', `${base}/api/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, [201, 409])
}

/** The ceiling: M pods nobody schedules, then M bindings round-robin over the nodes at the same concurrency. */
async function bindBaseline (base, nodes, m) {
  const ns = 'bind-baseline'
  await createNamespace(base, ns)
  await runConcurrent(m, CONCURRENCY, async (i) => {
    await must('POST', `${base}/api/v1/namespaces/${ns}/pods`, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `b-${i}` }, spec: podSpec('nobody') })
  })
  const r = await runConcurrent(m, CONCURRENCY, async (i) => {
    await must('POST', `${base}/api/v1/namespaces/${ns}/pods/b-${i}/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name: `b-${i}` }, target: { kind: 'Node', name: `node-${i % nodes}` } })
  })
  // remove them so the scheduled run sees empty nodes
  await must('DELETE', `${base}/api/v1/namespaces/${ns}/pods`, undefined)
  return { bindsPerSecond: r.opsPerSecond, p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99) }
}

/** Resolves with bound times once `count` pods in `ns` have a nodeName (watch from now). */
function watchBound (base, ns, count) {
  const times = []
  const seen = new Set()
  let ready
  const opened = new Promise((resolve) => { ready = resolve })
  const done = new Promise((resolve, reject) => {
    let buf = ''
    const req = http.get(`${base}/api/v1/namespaces/${ns}/pods?watch=1`, (res) => {
      ready()
      res.setEncoding('utf8')
      res.on('data', (chunk) => {
        buf += chunk
        for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
          const line = buf.slice(0, i)
          buf = buf.slice(i + 1)
          if (line.trim() === '') continue
          const ev = JSON.parse(line)
          const name = ev.object?.metadata?.name
          if (ev.object?.spec?.nodeName && !seen.has(name)) {
            seen.add(name)
            times.push(performance.now())
            if (seen.size === count) { resolve(times); req.destroy() }
          }
        }
      })
      res.on('error', (err) => { if (seen.size < count) reject(err) })
    })
    req.on('error', (err) => { if (seen.size < count) reject(err) })
  })
  return { opened, done }
}

async function startScheduler (base) {
  const port = await freePort()
  // KUBE_TS_BENCH_SCHEDULER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the scheduler process
  // KUBE_TS_BENCH_SCHEDULER_LOG=<file> keeps the scheduler's JSON log
  const logFd = process.env.KUBE_TS_BENCH_SCHEDULER_LOG ? openSync(process.env.KUBE_TS_BENCH_SCHEDULER_LOG, 'w') : 'ignore'
  const nodeArgs = (process.env.KUBE_TS_BENCH_SCHEDULER_NODE_ARGS ?? '').split(' ').filter(a => a !== '')
  const proc = spawn(process.execPath, [...nodeArgs, 'packages/scheduler/dist/main.js', `--master=${base}`, '--leader-elect=false', `--secure-port=${port}`,
    '--bind-address=127.0.0.1', '--kube-api-qps=5000', '--kube-api-burst=5000'], { stdio: ['ignore', logFd, 'inherit'] })
  await waitFor(async () => (await get(`http://127.0.0.1:${port}/readyz`)).status === 200, 'kube-scheduler /readyz', 120000)
  const exited = new Promise(resolve => proc.once('exit', resolve))
  return { port, stop: async () => { proc.kill('SIGTERM'); await Promise.race([exited, sleep(5000)]); proc.kill('SIGKILL') } }
}

async function metric (port, name) {
  const body = (await get(`http://127.0.0.1:${port}/metrics`)).body
  return body.split('\n').filter(l => l.startsWith(name)).join('\n')
}

async function scenario (nodes, pods) {
  const etcd = await startEtcd()
  const api = await startApiserver(etcd.url)
  try {
    const t0 = performance.now()
    await createNodes(api.base, nodes)
    const nodeSeconds = (performance.now() - t0) / 1000
    const baseline = await bindBaseline(api.base, nodes, pods)
    const ns = 'sched-basic'
    await createNamespace(api.base, ns)
    const sched = await startScheduler(api.base)
    try {
      const w = watchBound(api.base, ns, pods)
      await w.opened
      const started = performance.now()
      const creates = await runConcurrent(pods, CONCURRENCY, async (i) => {
        await must('POST', `${api.base}/api/v1/namespaces/${ns}/pods`, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}` }, spec: podSpec('default-scheduler') })
      })
      const times = await Promise.race([w.done, sleep(600000).then(() => { throw new Error('pods were not all bound within 10 minutes') })])
      const seconds = ((times.at(-1) ?? started) - started) / 1000
      const attempts = await metric(sched.port, 'scheduler_schedule_attempts_total')
      return { nodes, pods, nodeSetupSeconds: nodeSeconds, createPodsPerSecond: creates.opsPerSecond, scheduledPodsPerSecond: pods / seconds, seconds, bindBaselinePerSecond: baseline.bindsPerSecond, bindP50Ms: baseline.p50, bindP99Ms: baseline.p99, attempts }
    } finally {
      await sched.stop()
    }
  } finally {
    await api.stop()
    await etcd.stop()
  }
}

const results = []
for (const [n, m] of scenarios) {
  process.stderr.write(`running ${n} nodes / ${m} pods ...\n`)
  results.push(await scenario(n, m))
}
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 1024 ** 3, 0)} GiB, node ${process.version}`)
console.log('nodes   pods    scheduled pods/s   (create pods/s)   apiserver binds/s alone (p50/p99 ms)')
for (const r of results) {
  console.log(`${String(r.nodes).padEnd(7)} ${String(r.pods).padEnd(7)} ${fmt(r.scheduledPodsPerSecond).padEnd(18)} (${fmt(r.createPodsPerSecond)})`.padEnd(55) + `${fmt(r.bindBaselinePerSecond)} (${fmt(r.bindP50Ms)}/${fmt(r.bindP99Ms)})`)
}
for (const r of results) console.log(JSON.stringify(r))
process.exit(0)
