import { Writable } from 'node:stream'
import pino from 'pino'
import { runSkeleton } from './skeleton.js'

describe('runSkeleton', () => {
  it('serves /healthz, fails /readyz, and rejects NotImplementedError once interrupted', async () => {
    const lines: string[] = []
    const logger = pino({}, new Writable({ write (c, _e, cb) { lines.push(String(c)); cb() } }))
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const ctl = new AbortController()
    try {
      const done = runSkeleton({ component: 'kube-proxy', bindAddress: '127.0.0.1', port: 0, logger, signal: ctl.signal })
      const outcome = done.catch((err: unknown) => err)
      await new Promise(resolve => setTimeout(resolve, 50))
      const port = JSON.parse(lines.find(l => l.includes('not implemented')) ?? '{}').port as number
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
      expect(ready.status).toBe(500)
      expect(await ready.text()).toContain('[-]implemented failed')
      ctl.abort()
      expect(await outcome).toMatchObject({ code: 'ERR_KUBE_TS_NOT_IMPLEMENTED', message: 'kube-proxy is not implemented yet' })
    } finally { stderr.mockRestore() }
  })
})
