import { startEtcd } from '../../src/etcd-harness.js'

const describeIntegration = process.env.KUBE_TS_INTEGRATION === '1' ? describe : describe.skip

async function healthy (url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })
    return res.ok
  } catch {
    return false
  }
}

async function putThenGet (url: string, key: string, value?: string): Promise<string | undefined> {
  const b64 = (s: string): string => Buffer.from(s).toString('base64')
  if (value !== undefined) {
    await fetch(`${url}/v3/kv/put`, { method: 'POST', body: JSON.stringify({ key: b64(key), value: b64(value) }) })
  }
  const res = await fetch(`${url}/v3/kv/range`, { method: 'POST', body: JSON.stringify({ key: b64(key) }) })
  const body = await res.json() as { kvs?: Array<{ value: string }> }
  const v = body.kvs?.[0]?.value
  return v === undefined ? undefined : Buffer.from(v, 'base64').toString()
}

describeIntegration('etcd harness', () => {
  it('exports the shared etcd URL from global setup', async () => {
    expect(process.env.KUBE_TS_TEST_ETCD).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await healthy(process.env.KUBE_TS_TEST_ETCD ?? '')).toBe(true)
  })

  it('keeps data across kill9 and restart, and removes it on stop', async () => {
    const etcd = await startEtcd()
    try {
      expect(await putThenGet(etcd.url, '/k', 'v1')).toBe('v1')
      const firstPid = etcd.pid
      await etcd.kill9()
      expect(await healthy(etcd.url)).toBe(false)
      await etcd.restart()
      expect(etcd.pid).not.toBe(firstPid)
      expect(await putThenGet(etcd.url, '/k')).toBe('v1')
    } finally {
      await etcd.stop()
    }
    expect(await healthy(etcd.url)).toBe(false)
    const { existsSync } = await import('node:fs')
    expect(existsSync(etcd.dataDir)).toBe(false)
  })
})
