import { runCommand } from '@kube-ts/component-base'
import type { ProcessLike } from '@kube-ts/component-base'
import { createApiServerCommand } from './command.js'

function fakeProcess (argv: string[]): ProcessLike {
  return {
    argv: ['node', 'kube-apiserver', ...argv],
    on: () => undefined,
    off: () => undefined,
    exit: (code: number) => { throw new Error(`exit ${code}`) }
  }
}

describe('kube-apiserver command', () => {
  let stderr: string
  let spy: jest.SpyInstance
  beforeEach(() => {
    stderr = ''
    spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true })
  })
  afterEach(() => {
    spy.mockRestore()
    delete process.env.KUBE_TS_ETCD_SERVERS
  })

  it('exits 2 listing every invalid option', async () => {
    const code = await runCommand(createApiServerCommand, fakeProcess(['--bind-address', '0.0.0.0', '--insecure-serve-plain-http', '--request-timeout', 'soon']))
    expect(code).toBe(2)
    expect(stderr).toContain('--etcd-servers must be specified')
    expect(stderr).toContain('refuses the non-loopback --bind-address 0.0.0.0')
    expect(stderr).toContain('--request-timeout: invalid duration "soon"')
  })

  it('reads flags from KUBE_TS_* environment variables', async () => {
    process.env.KUBE_TS_ETCD_SERVERS = 'http://127.0.0.1:2379'
    const code = await runCommand(createApiServerCommand, fakeProcess([]))
    expect(code).toBe(2)
    expect(stderr).not.toContain('--etcd-servers must be specified')
    expect(stderr).toContain('TLS serving is not implemented yet')
  })

  it('refuses an unknown flag with a usage error', async () => {
    const code = await runCommand(createApiServerCommand, fakeProcess(['--no-such-flag']))
    expect(code).toBe(2)
  })
})
