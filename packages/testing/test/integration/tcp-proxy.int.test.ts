import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { freePort } from '../../src/free-port.js'
import { startTcpProxy } from '../../src/tcp-proxy.js'

const describeIntegration = process.env.KUBE_TS_INTEGRATION === '1' ? describe : describe.skip

async function echoServer (): Promise<{ server: Server, port: number }> {
  const server = createServer(sock => { sock.on('data', b => sock.write(b)).on('error', () => {}) })
  const port = await freePort()
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
  return { server, port }
}

async function roundTrip (sock: Socket, text: string, ms = 500): Promise<string | undefined> {
  return await new Promise(resolve => {
    const t = setTimeout(() => { sock.off('data', onData); resolve(undefined) }, ms)
    function onData (b: Buffer): void { clearTimeout(t); sock.off('data', onData); resolve(b.toString()) }
    sock.on('data', onData)
    sock.write(text)
  })
}

describeIntegration('startTcpProxy', () => {
  it('forwards bytes, cuts connections on demand and blackholes traffic', async () => {
    const { server, port } = await echoServer()
    const proxy = await startTcpProxy({ host: '127.0.0.1', port })
    try {
      const sock = createConnection({ host: '127.0.0.1', port: proxy.port })
      sock.on('error', () => {})
      await new Promise(resolve => sock.once('connect', resolve))
      expect(await roundTrip(sock, 'ping')).toBe('ping')
      expect(proxy.connections()).toBe(1)

      proxy.blackhole(true)
      expect(await roundTrip(sock, 'lost')).toBeUndefined()
      proxy.blackhole(false)

      const closed = new Promise(resolve => sock.once('close', resolve))
      proxy.cutAll()
      await closed
      expect(proxy.connections()).toBe(0)

      const again = createConnection({ host: '127.0.0.1', port: proxy.port })
      await new Promise(resolve => again.once('connect', resolve))
      expect(await roundTrip(again, 'back')).toBe('back')
      again.destroy()
    } finally {
      await proxy.close()
      server.close()
    }
  })

  it('hands out free ports that can be bound right away', async () => {
    const [a, b] = [await freePort(), await freePort()]
    expect(a).toBeGreaterThan(0)
    const srv = createServer()
    await new Promise<void>(resolve => srv.listen(a, '127.0.0.1', resolve))
    srv.close()
    expect(b).toBeGreaterThan(0)
  })
})
