// Watch fan-out latency for scripts/bench-apiserver: N watches on one namespace's configmaps, spread over a few
// worker threads so the load client's own socket handling is not what gets measured, then creates ~20 ms apart;
// each delay is create-sent (main thread) -> event-received (worker), both on the shared wall clock.
import { readFileSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { percentile, request, waitFor } from './lib.mjs'

const now = () => performance.timeOrigin + performance.now()
/** CPU time (user + system, ms) a process has used so far, from /proc; NaN where that is unavailable. */
function cpuMs (pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return NaN
  }
}

/**
 * Runs one watch round in namespace `ns`, creating `configMap(ns, name)` objects; returns p50/p99 delivery delay (ms)
 * and how many events arrived; with `apiPid`, also the apiserver's CPU time per event while the events fan out.
 */
export async function watchLatency (base, { ns, watchers, events, configMap, apiPid, threads = Math.min(4, Math.ceil(watchers / 100)), gapMs = 20 }) {
  const r = await request('POST', `${base}/api/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
  if (r.status !== 201 && r.status !== 409) throw new Error(`namespace ${ns}: ${r.status} ${r.body}`)
  const counter = new SharedArrayBuffer(4)
  const received = new Int32Array(counter)
  const url = `${base}/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=0`
  const workers = Array.from({ length: threads }, (_, t) => {
    const count = Math.floor(watchers / threads) + (t < watchers % threads ? 1 : 0)
    return new Worker(new URL('./watch-worker.mjs', import.meta.url), { workerData: { url, count, prefix: 'w-', events, counter } })
  })
  try {
    await Promise.all(workers.map(w => new Promise((resolve, reject) => {
      w.on('message', m => { if (m.kind === 'ready') resolve() })
      w.once('error', reject)
    })))
    const sentAt = new Float64Array(events)
    const cpuBefore = apiPid === undefined ? NaN : cpuMs(apiPid)
    for (let i = 0; i < events; i++) {
      sentAt[i] = now()
      const c = await request('POST', `${base}/api/v1/namespaces/${ns}/configmaps`, configMap(ns, `w-${i}`))
      if (c.status !== 201) throw new Error(`watch create ${c.status}`)
      await new Promise(resolve => setTimeout(resolve, gapMs))
    }
    const expected = watchers * events
    await waitFor(async () => Atomics.load(received, 0) >= expected, 'watch events', 30000).catch(() => {})
    const apiCpuMsPerEvent = apiPid === undefined ? NaN : (cpuMs(apiPid) - cpuBefore) / events
    const delays = []
    for (const w of workers) {
      const { times } = await new Promise(resolve => { w.on('message', m => { if (m.kind === 'times') resolve(m) }); w.postMessage('stop') })
      const count = times.length / events
      for (let e = 0; e < events; e++) {
        for (let k = 0; k < count; k++) {
          const t = times[e * count + k]
          if (!Number.isNaN(t)) delays.push(t - sentAt[e])
        }
      }
    }
    return { watchers, events, threads, expected, received: delays.length, p50Ms: percentile(delays, 50), p99Ms: percentile(delays, 99), apiCpuMsPerEvent }
  } finally {
    await Promise.all(workers.map(w => w.terminate()))
  }
}
