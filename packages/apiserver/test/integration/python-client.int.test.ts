import { join } from 'node:path'
import { startOfficialClientHarness, type OfficialClientHarness } from './official-client-harness.js'

// Debian's python3-kubernetes (installed by scripts/test) lives in the system interpreter, not in a pyenv or venv one.
const PYTHON = '/usr/bin/python3'

describe('the official Python client (python3-kubernetes) against the apiserver', () => {
  let harness: OfficialClientHarness
  beforeAll(async () => { harness = await startOfficialClientHarness('python-client') })
  afterAll(async () => { await harness.stop() })

  it('does CRUD, conflicts, strategic merge and JSON patches, scale and a watch like against upstream', async () => {
    const out = await harness.runScript(PYTHON, [join(__dirname, 'python-client', 'smoke.py')], 60_000)
    expect(out).toEqual({
      createdUid: true,
      duplicateCreate: 409,
      read: { k: 'v1' },
      replacedRvChanged: true,
      staleUpdate: 409,
      strategicPatched: { k: 'v3' },
      jsonPatched: { k: 'v3', extra: 'x' },
      listed: ['py-smoke'],
      scaledReplicas: 3,
      deploymentReplicas: 3,
      invalid: 422,
      afterDelete: 404,
      watched: ['ADDED:py-smoke:v1', 'MODIFIED:py-smoke:v2', 'MODIFIED:py-smoke:v3', 'MODIFIED:py-smoke:v3', 'DELETED:py-smoke:v3']
    })
  })
})
