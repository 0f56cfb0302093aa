import http from 'node:http'
import { once } from 'node:events'
import type { AddressInfo, Socket } from 'node:net'
import { chunkFrame, watchWriter, type WatchWriter } from './watch-writer.js'

/** Serves one chunked response driven by `drive`, and returns the decoded body and the raw socket writes. */
async function serve (drive: (w: WatchWriter, res: http.ServerResponse) => Promise<void>, readAfterMs = 0): Promise<{ body: string, writes: unknown[] }> {
  const writes: unknown[] = []
  const server = http.createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json')
    res.flushHeaders()
    const socket = res.socket as Socket
    const write = socket.write.bind(socket) as (chunk: unknown) => boolean
    socket.write = ((chunk: unknown, ...rest: unknown[]) => { writes.push(chunk); return (write as (...a: unknown[]) => boolean)(chunk, ...rest) }) as typeof socket.write
    void drive(watchWriter(res), res).then(() => res.end())
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  try {
    const { port } = server.address() as AddressInfo
    const body = await new Promise<string>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/' }, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => { text += c })
        res.on('end', () => resolve(text))
        if (readAfterMs > 0) {
          res.pause()
          setTimeout(() => res.resume(), readAfterMs)
        }
      }).on('error', reject)
    })
    return { body, writes }
  } finally {
    server.close()
  }
}

describe('watch writer', () => {
  it('frames a line as one HTTP/1.1 chunk', () => {
    expect(chunkFrame(Buffer.from('{"a":1}\n')).toString('latin1')).toBe('8\r\n{"a":1}\n\r\n')
  })

  const cases = [
    { name: 'delivers lines written in one tick, in order, before the end of the body', ticks: [['{"n":1}\n', '{"n":2}\n']] },
    { name: 'delivers lines written over several ticks', ticks: [['{"n":1}\n'], ['{"n":2}\n', '{"n":3}\n'], ['{"n":4}\n']] },
    { name: 'delivers multi-byte text intact', ticks: [['{"s":"h\u00e9llo \u2603"}\n']] }
  ]
  it.each(cases)('$name', async ({ ticks }) => {
    const { body } = await serve(async (w) => {
      for (const lines of ticks) {
        for (const l of lines) w.write(Buffer.from(l))
        await new Promise(resolve => setImmediate(resolve))
      }
      w.flush()
    })
    expect(body).toBe(ticks.flat().join(''))
  })

  it('writes the one shared frame for a shared line to every socket', async () => {
    const line = Buffer.from('{"type":"ADDED"}\n')
    const drive = async (w: WatchWriter): Promise<void> => { w.write(line); w.flush() }
    const [a, b] = await Promise.all([serve(drive), serve(drive)])
    const frameOf = (writes: unknown[]): unknown => writes.find(x => Buffer.isBuffer(x) && x.toString().includes('ADDED'))
    expect(frameOf(a.writes)).toBeDefined()
    expect(frameOf(a.writes)).toBe(frameOf(b.writes))
    expect(a.body).toBe(line.toString())
  })

  it('sends what is held back before the response ends', async () => {
    const { body } = await serve(async (w) => { w.write('{"last":true}\n'); w.flush() })
    expect(body).toBe('{"last":true}\n')
  })

  it('reports a lagging client and resolves drained once it has read', async () => {
    const big = Buffer.from(`${JSON.stringify({ pad: 'x'.repeat(256 * 1024) })}\n`)
    let lagged = false
    const { body } = await serve(async (w) => {
      for (let i = 0; i < 200 && !lagged; i++) {
        lagged = !w.write(big)
        await new Promise(resolve => setImmediate(resolve))
      }
      await w.drained(new AbortController().signal)
    }, 300)
    expect(lagged).toBe(true)
    expect(body.length % big.length).toBe(0)
  })
})
