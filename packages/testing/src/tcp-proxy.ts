import { createConnection, createServer, type Socket } from 'node:net'

export interface TcpProxy {
  /** The port the proxy listens on (127.0.0.1). */
  readonly port: number
  /** Destroys every open connection (both sides) - a network blip; new connections are still accepted. */
  cutAll: () => void
  /** While blackholed, new and existing connections stay open but no bytes flow (a partition, not a refusal). */
  blackhole: (on: boolean) => void
  /** Number of connections currently open. */
  connections: () => number
  close: () => Promise<void>
}

/**
 * A TCP forwarder for fault injection between a client and a server (e.g. EtcdStorage and etcd): tests cut or
 * stall the link without touching the server process.
 */
export async function startTcpProxy (target: { host: string, port: number }): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>()
  let holed = false
  const server = createServer((client) => {
    const upstream = createConnection(target)
    const pair: [Socket, Socket] = [client, upstream]
    pairs.add(pair)
    const drop = (): void => { client.destroy(); upstream.destroy(); pairs.delete(pair) }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
    client.on('data', (b) => { if (!holed) upstream.write(b) })
    upstream.on('data', (b) => { if (!holed) client.write(b) })
  })
  await new Promise<void>((resolve, reject) => { server.once('error', reject).listen(0, '127.0.0.1', resolve) })
  const addr = server.address()
  const port = typeof addr === 'object' && addr !== null ? addr.port : 0
  return {
    port,
    cutAll: () => { for (const [a, b] of [...pairs]) { a.destroy(); b.destroy() } pairs.clear() },
    blackhole: (on) => { holed = on },
    connections: () => pairs.size,
    close: async () => {
      for (const [a, b] of [...pairs]) { a.destroy(); b.destroy() }
      pairs.clear()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
