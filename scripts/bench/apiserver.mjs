// scripts/bench-apiserver: apiserver throughput and latency on a private real etcd, with raw etcd as the baseline
// measured in the same run (issue 2), and a minimal express + grpc-js server (minimal-server.cjs) as the floor any
// Node front end pays. Prints a table and a JSON line; results go to packages/apiserver/README.md and BENCHMARKS.md.
import { Etcd3 } from 'etcd3'
import { fmt, percentile, processCpuMs, request, runConcurrent, startApiserver, startEtcd, startMinimalServer } from './lib.mjs'
import { watchLatency } from './watch-latency.mjs'

const quick = process.argv.includes('--quick')
// --watch-only skips the create/get/list steps (for iterating on watch fan-out)
const watchOnly = process.argv.includes('--watch-only')
const N = quick ? 300 : 3000
const LIST_OBJECTS = quick ? 1000 : 10000
// watch rounds run in the same process so the 100- and 1000-watcher figures are comparable
const WATCHERS = quick ? [10, 100] : [100, 1000]
const WATCH_EVENTS = quick ? 20 : 100

const configMap = (ns, name) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels: { app: 'bench' } }, data: { key: 'x'.repeat(512) } })

async function createNamespace (base, name) {
  const r = await request('POST', `${base}/api/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
  if (r.status !== 201 && r.status !== 409) throw new Error(`namespace ${name}: ${r.status} ${r.body}`)
}

async function createMany (base, ns, count, concurrency, prefix) {
  return runConcurrent(count, concurrency, async i => {
    const r = await request('POST', `${base}/api/v1/namespaces/${ns}/configmaps`, configMap(ns, `${prefix}-${i}`))
    if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.body}`)
  })
}

async function main () {
  const etcd = await startEtcd()
  const api = await startApiserver(etcd.url)
  // large ranges (10,000 objects ~8 MB) exceed grpc's default 4 MiB receive limit
  const raw = new Etcd3({ hosts: etcd.url, grpcOptions: { 'grpc.max_receive_message_length': -1 } })
  const results = { machine: `${(await import('node:os')).cpus().length} cpus, node ${process.version}`, creates: [], get: {}, list: {}, watch: [] }
  try {
    if (!watchOnly) await createsGetsLists(api, raw, etcd.url, results)
    for (const watchers of WATCHERS) {
      const w = await watchLatency(api.base, { ns: `bench-watch-${watchers}`, watchers, events: WATCH_EVENTS, configMap, apiPid: api.pid })
      results.watch.push(w)
      console.log(`watch    ${watchers} watchers x ${WATCH_EVENTS} events (${w.threads} client threads)  delivery p50 ${fmt(w.p50Ms)} ms  p99 ${fmt(w.p99Ms)} ms  (received ${w.received}/${w.expected}; apiserver CPU ${fmt(w.apiCpuMsPerEvent)} ms/event)`)
    }
    console.log(JSON.stringify(results))
  } finally {
    raw.close()
    await api.stop()
    await etcd.stop()
  }
}

/** Creates at 1/16/64 clients against raw etcd puts and the minimal server, then GET and LIST latency. */
async function createsGetsLists (api, raw, etcdUrl, results) {
  const minimal = await startMinimalServer(etcdUrl)
  try {
    await createRounds(api, raw, minimal, results)
  } finally {
    await minimal.stop()
  }
  await getsAndLists(api, raw, results)
}

/** Creates at 1/16/64 clients through the apiserver, the minimal server and raw etcd puts. */
async function createRounds (api, raw, minimal, results) {
  // a stored ConfigMap's bytes, as the raw-etcd baseline writes them
  await createNamespace(api.base, 'bench-sample')
  const sample = JSON.parse((await request('POST', `${api.base}/api/v1/namespaces/bench-sample/configmaps`, configMap('bench-sample', 'sample'))).body)
  const bytes = JSON.stringify(sample)
  // unmeasured warm-up of all three paths (JIT, heap sizing, etcd's own caches): the first few thousand creates
  // cost up to twice the CPU of later ones, which would otherwise land in whichever row runs first
  await createNamespace(api.base, 'bench-warmup')
  await createMany(api.base, 'bench-warmup', N, 64, 'warm')
  await createMany(minimal.base, 'bench-warmup', N, 64, 'warm')
  await runConcurrent(N, 64, async i => { await raw.put(`/bench-raw/warmup/${i}`).value(bytes) })
  for (const c of [1, 16, 64]) {
    const ns = `bench-c${c}`
    await createNamespace(api.base, ns)
    const cpuBefore = processCpuMs(api.pid)
    const viaApi = await createMany(api.base, ns, N, c, 'cm')
    // apiserver CPU per create: unlike creates/s it barely moves with what else runs on a shared machine
    const apiCpuUsPerCreate = (processCpuMs(api.pid) - cpuBefore) * 1000 / N
    // the baseline is a plain put; the apiserver's create is a Txn comparing create_revision = 0 with the same put
    const viaEtcd = await runConcurrent(N, c, async i => { await raw.put(`/bench-raw/c${c}/${i}`).value(bytes) })
    // the floor: the same creates through a bare express + grpc-js server (scripts/bench/minimal-server.cjs)
    const viaFloor = await createMany(minimal.base, ns, N, c, 'floor')
    const row = {
      clients: c,
      apiserverCreatesPerSec: viaApi.opsPerSecond,
      etcdPutsPerSec: viaEtcd.opsPerSecond,
      minimalServerCreatesPerSec: viaFloor.opsPerSecond,
      ratio: viaApi.opsPerSecond / viaEtcd.opsPerSecond,
      minimalServerRatio: viaFloor.opsPerSecond / viaEtcd.opsPerSecond,
      apiP99Ms: percentile(viaApi.latencies, 99),
      apiCpuUsPerCreate
    }
    results.creates.push(row)
    console.log(`creates  clients=${String(c).padStart(2)}  apiserver ${fmt(row.apiserverCreatesPerSec)}/s  raw etcd ${fmt(row.etcdPutsPerSec)}/s  ratio ${fmt(row.ratio, 2)}  ` +
      `(minimal server ${fmt(row.minimalServerCreatesPerSec)}/s, ratio ${fmt(row.minimalServerRatio, 2)})  api p99 ${fmt(row.apiP99Ms)} ms  api CPU ${fmt(apiCpuUsPerCreate, 0)} us/create`)
  }
}

/** GET latency of one object, then LIST latency of 10,000 against a raw etcd range. */
async function getsAndLists (api, raw, results) {
  const gets = await runConcurrent(quick ? 200 : 2000, 1, async () => {
    const r = await request('GET', `${api.base}/api/v1/namespaces/bench-sample/configmaps/sample`)
    if (r.status !== 200) throw new Error(`get ${r.status}`)
  })
  results.get = { p50Ms: percentile(gets.latencies, 50), p99Ms: percentile(gets.latencies, 99) }
  console.log(`get      p50 ${fmt(results.get.p50Ms, 2)} ms  p99 ${fmt(results.get.p99Ms, 2)} ms`)

  await createNamespace(api.base, 'bench-list')
  await createMany(api.base, 'bench-list', LIST_OBJECTS, 64, 'item')
  const lists = await runConcurrent(quick ? 5 : 20, 1, async () => {
    const r = await request('GET', `${api.base}/api/v1/namespaces/bench-list/configmaps`)
    const n = JSON.parse(r.body).items.length
    if (n !== LIST_OBJECTS) throw new Error(`list returned ${n}`)
  })
  const rawLists = await runConcurrent(quick ? 5 : 20, 1, async () => { await raw.getAll().prefix('/registry/configmaps/bench-list/').strings() })
  results.list = { objects: LIST_OBJECTS, p50Ms: percentile(lists.latencies, 50), p99Ms: percentile(lists.latencies, 99), rawEtcdP50Ms: percentile(rawLists.latencies, 50) }
  console.log(`list     ${LIST_OBJECTS} objects  p50 ${fmt(results.list.p50Ms)} ms  p99 ${fmt(results.list.p99Ms)} ms  (raw etcd range p50 ${fmt(results.list.rawEtcdP50Ms)} ms)`)
}

main().catch(err => { console.error(err); process.exitCode = 1 })
