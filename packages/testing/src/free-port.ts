import { createServer } from 'node:net'

/**
 * Asks the kernel for an unused TCP port on 127.0.0.1. The port is released before returning, so a tiny race with
 * other processes remains; callers that bind right away practically never lose it.
 */
export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0
      srv.close(() => { port > 0 ? resolve(port) : reject(new Error('could not determine a free port')) })
    })
  })
}
