// Worker thread of scripts/bench/watch-latency.mjs: holds a share of the watch connections and records, on the
// shared wall clock (performance.timeOrigin + now), when each benchmark event arrived. Lines are not JSON-parsed:
// only the event type and the object's name (always `<prefix><index>`) are looked up in the bytes.
import http from 'node:http'
import { parentPort, workerData } from 'node:worker_threads'

const { url, count, prefix, events, counter } = workerData
const received = new Int32Array(counter)
const NEWLINE = 0x0a
const ADDED = Buffer.from('{"type":"ADDED"')
const NAME = Buffer.from(`"name":"${prefix}`)
// times[event * count + watcher]: arrival (absolute ms) of event `event` at this worker's watcher `watcher`
const times = new Float64Array(events * count).fill(NaN)
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity })
const requests = []
const now = () => performance.timeOrigin + performance.now()

function onLine (line, watcher, at) {
  if (line.length < ADDED.length || line.compare(ADDED, 0, ADDED.length, 0, ADDED.length) !== 0) return
  const at0 = line.indexOf(NAME)
  if (at0 < 0) return
  let i = at0 + NAME.length
  let index = 0
  for (; i < line.length && line[i] >= 0x30 && line[i] <= 0x39; i++) index = index * 10 + line[i] - 0x30
  if (i === at0 + NAME.length || line[i] !== 0x22 || index >= events) return
  const slot = index * count + watcher
  if (!Number.isNaN(times[slot])) return
  times[slot] = at
  Atomics.add(received, 0, 1)
}

function open (watcher) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, res => {
      let rest = null
      resolve()
      res.on('data', chunk => {
        const at = now()
        let buf = rest === null ? chunk : Buffer.concat([rest, chunk])
        let start = 0
        for (let nl = buf.indexOf(NEWLINE); nl >= 0; nl = buf.indexOf(NEWLINE, start)) {
          onLine(buf.subarray(start, nl), watcher, at)
          start = nl + 1
        }
        rest = start < buf.length ? buf.subarray(start) : null
      })
      res.on('error', () => {})
    })
    req.on('error', reject)
    requests.push(req)
  })
}

parentPort.on('message', msg => {
  if (msg !== 'stop') return
  for (const r of requests) r.destroy()
  parentPort.postMessage({ kind: 'times', times }, [times.buffer])
})
await Promise.all(Array.from({ length: count }, (_, w) => open(w)))
parentPort.postMessage({ kind: 'ready' })
