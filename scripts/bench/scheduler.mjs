// scripts/bench-scheduler: upstream scheduler_perf "SchedulingBasic" (misc/performance-config.yaml) against the real
// apiserver and etcd. Registers N Node objects (no kubelets), starts kube-scheduler, schedules initPods unmeasured, then
// creates measurePods and samples scheduled pods once a second as upstream's throughputCollector does (the window
// includes pod creation; the first sample is skipped; seconds with no new binding are merged into the next sample).
// In the same run, before the scheduler starts, it measures two ceilings: the apiserver's own pods/binding throughput
// (M binds), and its throughput for the whole per-pod path with a free scheduler (create + bind + Scheduled event). Prints a table and JSON lines; results go to packages/scheduler/README.md and BENCHMARKS.md.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fmt, freePort, get, percentile, request, runConcurrent, sleep, startApiserver, startEtcd, waitFor } from './lib.mjs'

const args = process.argv.slice(2)
// [nodes, initPods, measurePods]: upstream's SchedulingBasic workloads 500Nodes and 5000Nodes_10000Pods
const SMALL = [500, 500, 1000]
const LARGE = [5000, 1000, 10000]
const scenarios = args.includes('--quick') ? [[100, 100, 200]] : args.includes('--large-only') ? [LARGE] : args.includes('--large') ? [SMALL, LARGE] : [SMALL]
// node setup and the bind ceiling
const CONCURRENCY = 100
// upstream test/utils CreatePod: workqueue.ParallelizeUntil(ctx, 30, count, ...), client QPS 5000
const CREATE_WORKERS = 30

// upstream config/templates/node-default.yaml and pod-default.yaml
const nodeStatus = { capacity: { cpu: '4', memory: '32Gi', pods: '110' }, allocatable: { cpu: '4', memory: '32Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] }
const podSpec = (schedulerName) => ({ schedulerName, containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '100m', memory: '500Mi' }, limits: { cpu: '100m', memory: '500Mi' } } }] })

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

async function createPods (base, ns, m, prefix = 'p') {
  return await runConcurrent(m, CREATE_WORKERS, async (i) => {
    await must('POST', `${base}/api/v1/namespaces/${ns}/pods`, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `${prefix}-${i}` }, spec: podSpec('default-scheduler') })
  })
}

/** The ceiling: M pods nobody schedules, then M bindings round-robin over the nodes. */
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

/** Opens a watch and drains it unparsed: the apiserver's fan-out cost without spending the load client's CPU. */
function drainWatch (url) {
  const req = http.get(url, (res) => { res.resume() })
  req.on('error', () => {})
  return () => req.destroy()
}

/**
 * The second ceiling: what the apiserver sustains for everything one scheduled pod costs it with a scheduler that
 * costs nothing: create the pod, bind it, record its Scheduled event, with a cluster-wide pod watch (the scheduler's
 * informer) and a namespace watch (the bench's) open. Workers as many as the scheduler keeps bindings in flight.
 */
async function fullPathBaseline (base, nodes, m) {
  const ns = 'full-path-baseline'
  await createNamespace(base, ns)
  const stops = [drainWatch(`${base}/api/v1/pods?watch=1`), drainWatch(`${base}/api/v1/namespaces/${ns}/pods?watch=1`)]
  const now = new Date().toISOString()
  const r = await runConcurrent(m, CONCURRENCY, async (i) => {
    const name = `f-${i}`
    const pod = await must('POST', `${base}/api/v1/namespaces/${ns}/pods`, { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: podSpec('nobody') })
    await must('POST', `${base}/api/v1/namespaces/${ns}/pods/${name}/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: `node-${i % nodes}` } })
    await must('POST', `${base}/api/v1/namespaces/${ns}/events`, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.${i.toString(16)}` },
      involvedObject: { kind: 'Pod', namespace: ns, name, uid: pod.metadata.uid, apiVersion: 'v1' },
      reason: 'Scheduled',
      message: `Successfully assigned ${ns}/${name} to node-${i % nodes}`,
      type: 'Normal',
      source: { component: 'default-scheduler' },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      reportingComponent: 'default-scheduler',
      reportingInstance: ''
    })
  })
  for (const stop of stops) stop()
  await must('DELETE', `${base}/api/v1/namespaces/${ns}/pods`, undefined)
  return r.opsPerSecond
}

/** Counts pods in `ns` that get a nodeName (watch from now); `done` resolves with the bound times once `count` are. */
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
          // unbound pods (ADDED) are most of the stream: skip them without a parse, the load client shares the CPUs
          if (!line.includes('"nodeName"')) continue
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
  return { opened, done, scheduled: () => seen.size }
}

/**
 * Upstream throughputCollector: every second, once some pod is scheduled, the pods scheduled since the last sample
 * over the time since it; the first sample is skipped and empty seconds are folded into the next sample (recorded once
 * per second they span). Call the returned function to stop and get the samples.
 */
function sampleThroughput (scheduled) {
  const samples = []
  let started = false
  let last = 0
  let lastAt = performance.now()
  let skipped = 0
  const timer = setInterval(() => {
    const now = performance.now()
    const n = scheduled()
    if (n === 0) return
    if (!started) { started = true; last = n; lastAt = now; return }
    if (n === last) { skipped++; return }
    const rate = (n - last) / ((now - lastAt) / 1000)
    for (let i = 0; i <= skipped; i++) samples.push(rate)
    last = n
    lastAt = now
    skipped = 0
  }, 1000)
  return () => { clearInterval(timer); return samples }
}

function summary (samples) {
  const sum = samples.reduce((a, b) => a + b, 0)
  return { average: sum / samples.length, p50: percentile(samples, 50), p90: percentile(samples, 90), p95: percentile(samples, 95), p99: percentile(samples, 99), samples: samples.length }
}

/** utime + stime of a process in ms (Linux /proc), undefined if it is gone. */
function cpuMs (pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10 // USER_HZ is 100 on Linux
  } catch { return undefined }
}

function pidOf (cmdlineFragment) {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try { if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(cmdlineFragment)) return Number(d) } catch {}
  }
  return undefined
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
  return { port, pid: proc.pid, stop: async () => { proc.kill('SIGTERM'); await Promise.race([exited, sleep(5000)]); proc.kill('SIGKILL') } }
}

async function metric (port, name) {
  const body = (await get(`http://127.0.0.1:${port}/metrics`)).body
  return body.split('\n').filter(l => l.startsWith(name)).join('\n')
}

/**
 * KUBE_TS_BENCH_APISERVER_PROF_DIR=<dir> CPU-profiles the apiserver (lib's startApiserver takes no node flags, and node
 * refuses --cpu-prof in NODE_OPTIONS): a `--require` hook starts the inspector's profiler and writes
 * <dir>/apiserver-<pid>.cpuprofile when the process exits.
 */
function profileHook (dir) {
  mkdirSync(dir, { recursive: true })
  const hook = join(mkdtempSync(join(tmpdir(), 'kube-ts-bench-prof-')), 'hook.cjs')
  writeFileSync(hook, `const inspector = require('node:inspector')
const s = new inspector.Session()
s.connect()
s.post('Profiler.enable')
s.post('Profiler.start')
process.on('exit', () => {
  s.post('Profiler.stop', (err, r) => { if (!err) require('node:fs').writeFileSync(${JSON.stringify(dir)} + '/apiserver-' + process.pid + '.cpuprofile', JSON.stringify(r.profile)) })
})
`)
  return hook
}

/** SIGTERM and wait for the exit, so a CPU profile is written (lib's stop() SIGKILLs after 300 ms). */
async function stopGracefully (pid) {
  try { process.kill(pid, 'SIGTERM') } catch { return }
  for (let i = 0; i < 100; i++) {
    await sleep(100)
    try { process.kill(pid, 0) } catch { return }
  }
}

const TIMEOUT = 600000
const within = async (p, what) => await Promise.race([p, sleep(TIMEOUT).then(() => { throw new Error(`${what} within 10 minutes`) })])

async function scenario (nodes, initPods, pods) {
  const etcd = await startEtcd()
  const saved = process.env.NODE_OPTIONS
  const profDir = process.env.KUBE_TS_BENCH_APISERVER_PROF_DIR
  if (profDir) process.env.NODE_OPTIONS = `--require ${profileHook(profDir)}`
  const api = await startApiserver(etcd.url).finally(() => { if (saved === undefined) delete process.env.NODE_OPTIONS; else process.env.NODE_OPTIONS = saved })
  try {
    const t0 = performance.now()
    await createNodes(api.base, nodes)
    const nodeSeconds = (performance.now() - t0) / 1000
    const baseline = await bindBaseline(api.base, nodes, pods)
    const fullPath = await fullPathBaseline(api.base, nodes, pods)
    await createNamespace(api.base, 'sched-setup')
    await createNamespace(api.base, 'sched-test')
    const sched = await startScheduler(api.base)
    try {
      // initPods: scheduled before the measurement, as upstream's first createPods op
      const setup = watchBound(api.base, 'sched-setup', initPods)
      await setup.opened
      await createPods(api.base, 'sched-setup', initPods)
      await within(setup.done, 'setup pods were not all bound')
      const w = watchBound(api.base, 'sched-test', pods)
      await w.opened
      const procs = { scheduler: sched.pid, apiserver: api.pid, etcd: pidOf(`--listen-client-urls\0${etcd.url}`), loadClient: process.pid }
      const cpu0 = Object.fromEntries(Object.entries(procs).map(([k, pid]) => [k, cpuMs(pid)]))
      const load0 = loadavg()[0]
      const stopSampling = sampleThroughput(w.scheduled)
      const started = performance.now()
      const creates = await createPods(api.base, 'sched-test', pods)
      const times = await within(w.done, 'pods were not all bound')
      const samples = stopSampling()
      const seconds = ((times.at(-1) ?? started) - started) / 1000
      // CPU each process spent per measured pod: where the shared CPUs go
      const cpuMsPerPod = Object.fromEntries(Object.entries(procs).map(([k, pid]) => [k, ((cpuMs(pid) ?? NaN) - (cpu0[k] ?? NaN)) / pods]))
      const attempts = await metric(sched.port, 'scheduler_schedule_attempts_total')
      const throughput = summary(samples)
      return {
        nodes,
        initPods,
        pods,
        nodeSetupSeconds: nodeSeconds,
        throughput,
        overallPodsPerSecond: pods / seconds,
        seconds,
        createPodsPerSecond: creates.opsPerSecond,
        bindBaselinePerSecond: baseline.bindsPerSecond,
        ratioToCeiling: throughput.average / baseline.bindsPerSecond,
        fullPathPerSecond: fullPath,
        ratioToFullPath: throughput.average / fullPath,
        bindP50Ms: baseline.p50,
        bindP99Ms: baseline.p99,
        cpuMsPerPod,
        loadAverage: [load0, loadavg()[0]],
        attempts
      }
    } finally {
      await sched.stop()
    }
  } finally {
    await stopGracefully(api.pid)
    await api.stop()
    await etcd.stop()
  }
}

const results = []
for (const [n, init, m] of scenarios) {
  process.stderr.write(`running ${n} nodes / ${init} + ${m} pods ...\n`)
  results.push(await scenario(n, init, m))
}
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 1024 ** 3, 0)} GiB, node ${process.version}`)
console.log('nodes  pods (init)      pods/s avg  p50/p90/p99       overall  creates/s  binds/s alone (ratio)  create+bind+event/s (ratio)  cpu ms/pod sched/api/etcd/client')
for (const r of results) {
  const t = r.throughput
  const c = r.cpuMsPerPod
  console.log(`${String(r.nodes).padEnd(6)} ${`${r.pods} (${r.initPods})`.padEnd(16)} ${fmt(t.average).padEnd(11)} ${`${fmt(t.p50, 0)}/${fmt(t.p90, 0)}/${fmt(t.p99, 0)}`.padEnd(17)} ${fmt(r.overallPodsPerSecond).padEnd(8)} ${fmt(r.createPodsPerSecond).padEnd(10)} ${`${fmt(r.bindBaselinePerSecond)} (${fmt(r.ratioToCeiling, 2)})`.padEnd(22)} ${`${fmt(r.fullPathPerSecond)} (${fmt(r.ratioToFullPath, 2)})`.padEnd(28)} ${[c.scheduler, c.apiserver, c.etcd, c.loadClient].map(v => fmt(v, 2)).join('/')}`)
}
for (const r of results) console.log(JSON.stringify(r))
process.exit(0)
