// Worker thread of scripts/bench/watch-latency.mjs: holds a share of the watch connections and records, on the
// shared wall clock (performance.timeOrigin + now), when each benchmark event arrived. To keep the load client
// cheap, watches are plain sockets and the response bytes are only scanned, never dechunked or JSON-parsed: each
// event is one chunk holding one line, so every complete line lies before the last newline received, and the
// event is identified by its type prefix and the object's name (always `<prefix><index>`).
import net from 'node:net'
import { parentPort, workerData } from 'node:worker_threads'

const { url, count, prefix, events, counter } = workerData
const received = new Int32Array(counter)
const NEWLINE = 0x0a
const ADDED = Buffer.from('{"type":"ADDED"')
const NAME = Buffer.from(`"name":"${prefix}`)
// times[event * count + watcher]: arrival (absolute ms) of event `event` at this worker's watcher `watcher`
const times = new Float64Array(events * count).fill(NaN)
const sockets = []
const now = () => performance.timeOrigin + performance.now()

/** Records every ADDED benchmark event among the complete lines in `buf`. */
function scan (buf, watcher, at) {
  for (let i = buf.indexOf(ADDED); i >= 0; i = buf.indexOf(ADDED, i + 1)) {
    const n = buf.indexOf(NAME, i)
    if (n < 0) return
    let j = n + NAME.length
    let index = 0
    for (; j < buf.length && buf[j] >= 0x30 && buf[j] <= 0x39; j++) index = index * 10 + buf[j] - 0x30
    if (j === n + NAME.length || buf[j] !== 0x22 || index >= events) continue
    const slot = index * count + watcher
    if (!Number.isNaN(times[slot])) continue
    times[slot] = at
    Atomics.add(received, 0, 1)
  }
}

function open (watcher) {
  const { hostname, port, pathname, search } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname)
    let rest = null
    let headers = true
    socket.on('connect', () => {
      socket.write(`GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: application/json\r\n\r\n`)
    })
    socket.on('data', chunk => {
      const at = now()
      const buf = rest === null ? chunk : Buffer.concat([rest, chunk])
      if (headers) {
        const end = buf.indexOf('\r\n\r\n')
        if (end < 0) { rest = buf; return }
        if (!buf.subarray(0, 12).toString('latin1').startsWith('HTTP/1.1 200')) { reject(new Error(`watch refused: ${buf.subarray(0, end).toString('latin1')}`)); socket.destroy(); return }
        headers = false
        resolve()
      }
      const last = buf.lastIndexOf(NEWLINE)
      if (last >= 0) scan(buf.subarray(0, last), watcher, at)
      rest = last + 1 < buf.length ? buf.subarray(last + 1) : null
    })
    socket.on('error', reject)
    sockets.push(socket)
  })
}

parentPort.on('message', msg => {
  if (msg !== 'stop') return
  for (const s of sockets) s.destroy()
  parentPort.postMessage({ kind: 'times', times }, [times.buffer])
})
await Promise.all(Array.from({ length: count }, (_, w) => open(w)))
parentPort.postMessage({ kind: 'ready' })
