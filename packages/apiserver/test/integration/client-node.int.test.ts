import { join } from 'node:path'
import { startOfficialClientHarness, type OfficialClientHarness } from './official-client-harness.js'

// The official JavaScript client is ESM-only, so it runs in a child node process (client-node/smoke.mjs).
describe('@kubernetes/client-node against the apiserver', () => {
  let harness: OfficialClientHarness
  beforeAll(async () => { harness = await startOfficialClientHarness('client-node') })
  afterAll(async () => { await harness.stop() })

  it('does CRUD, conflicts, merge patch and an informer like against upstream', async () => {
    const out = await harness.runScript(process.execPath, [join(__dirname, 'client-node', 'smoke.mjs')], 30_000) as { informer: string[] }
    expect(out).toMatchObject({
      createdUid: true,
      read: { k: 'v1' },
      replacedRvChanged: true,
      staleUpdate: 409,
      patched: { k: 'v3' },
      listed: ['cn-smoke'],
      afterDelete: 404
    })
    expect(out.informer[0]).toBe('add:cn-smoke')
    expect(out.informer).toEqual(expect.arrayContaining(['update:cn-smoke:v2', 'update:cn-smoke:v3', 'delete:cn-smoke']))
  })
})
