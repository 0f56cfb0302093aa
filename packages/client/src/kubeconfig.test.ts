import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inClusterConfig, loadClientConfig, loadKubeconfig } from './kubeconfig.js'

const b64 = (s: string): string => Buffer.from(s).toString('base64')

function kubeconfig (dir: string, file: string, server: string, extra = ''): string {
  const path = join(dir, file)
  writeFileSync(path, `apiVersion: v1
kind: Config
current-context: main
clusters:
- name: c1
  cluster:
    server: ${server}
    certificate-authority-data: ${b64('CA PEM')}
- name: c2
  cluster:
    server: https://other:6443
    certificate-authority: ca.crt
    insecure-skip-tls-verify: true
users:
- name: u1
  user:
    token: tok-1
    client-certificate-data: ${b64('CERT PEM')}
    client-key-data: ${b64('KEY PEM')}
- name: u2
  user:
    tokenFile: token.txt
contexts:
- name: main
  context: { cluster: c1, user: u1, namespace: team-a }
- name: second
  context: { cluster: c2, user: u2 }
- name: broken
  context: { cluster: missing, user: u1 }
${extra}`)
  return path
}

describe('loadKubeconfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'))
  writeFileSync(join(dir, 'ca.crt'), 'FILE CA')
  writeFileSync(join(dir, 'token.txt'), 'file-token\n')
  const path = kubeconfig(dir, 'config', 'https://127.0.0.1:6443')

  it('resolves the current context with inline data', () => {
    expect(loadKubeconfig(path)).toEqual({
      server: 'https://127.0.0.1:6443', namespace: 'team-a', token: 'tok-1', caData: 'CA PEM', certData: 'CERT PEM', keyData: 'KEY PEM'
    })
  })

  it('resolves a named context with files relative to the kubeconfig', () => {
    expect(loadKubeconfig(path, 'second')).toEqual({
      server: 'https://other:6443', namespace: 'default', token: 'file-token', caData: 'FILE CA', insecureSkipTLSVerify: true
    })
  })

  it.each([
    { name: 'rejects a context that does not exist', context: 'nope', error: /context "nope" not found/ },
    { name: 'rejects a context whose cluster does not exist', context: 'broken', error: /cluster "missing" not found/ }
  ])('$name', ({ context, error }) => {
    expect(() => loadKubeconfig(path, context)).toThrow(error)
  })

  it.each([
    { name: 'refuses exec credential plugins', user: '  user:\n    exec: { command: aws }', error: /exec credential plugin/ },
    { name: 'refuses auth providers', user: '  user:\n    auth-provider: { name: oidc }', error: /auth-provider/ }
  ])('$name', ({ user, error }) => {
    const p = join(dir, 'plugin')
    writeFileSync(p, `current-context: x\nclusters:\n- name: c\n  cluster: { server: 'https://a:1' }\nusers:\n- name: u\n${user}\ncontexts:\n- name: x\n  context: { cluster: c, user: u }\n`)
    expect(() => loadKubeconfig(p)).toThrow(error)
  })

  it('rejects a file that is not YAML', () => {
    const bad = join(dir, 'bad')
    writeFileSync(bad, 'a: [')
    expect(() => loadKubeconfig(bad)).toThrow(/cannot read kubeconfig/)
  })
})

describe('loadClientConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'))
  const flag = kubeconfig(dir, 'flag', 'https://flag:6443')
  const env = kubeconfig(dir, 'env', 'https://env:6443')
  const home = join(dir, 'home')
  require('node:fs').mkdirSync(join(home, '.kube'), { recursive: true })
  kubeconfig(join(home, '.kube'), 'config', 'https://home:6443')

  it.each([
    { name: 'prefers the --kubeconfig flag', opts: { kubeconfig: flag, env: { KUBECONFIG: env }, homeDir: home }, server: 'https://flag:6443' },
    { name: 'uses the first existing KUBECONFIG entry next', opts: { env: { KUBECONFIG: `/nope:${env}` }, homeDir: home }, server: 'https://env:6443' },
    { name: 'falls back to ~/.kube/config', opts: { env: {}, homeDir: home }, server: 'https://home:6443' },
    { name: 'lets --master override the server', opts: { kubeconfig: flag, master: 'http://127.0.0.1:8080', env: {}, homeDir: home }, server: 'http://127.0.0.1:8080' },
    { name: 'works with only --master', opts: { master: 'http://127.0.0.1:8080', env: {}, homeDir: join(dir, 'empty') }, server: 'http://127.0.0.1:8080' }
  ])('$name', ({ opts, server }) => {
    expect(loadClientConfig(opts).server).toBe(server)
  })

  it('fails without any configuration', () => {
    expect(() => loadClientConfig({ env: {}, homeDir: join(dir, 'empty') })).toThrow(/no configuration/)
  })

  it('fails when the --kubeconfig file is missing', () => {
    expect(() => loadClientConfig({ kubeconfig: join(dir, 'missing'), env: {} })).toThrow(/does not exist/)
  })
})

describe('inClusterConfig', () => {
  const sa = mkdtempSync(join(tmpdir(), 'sa-'))
  writeFileSync(join(sa, 'token'), 'sa-token\n')
  writeFileSync(join(sa, 'ca.crt'), 'CLUSTER CA')
  writeFileSync(join(sa, 'namespace'), 'kube-system')

  it('uses the service host, token, CA and namespace of a Pod', () => {
    expect(inClusterConfig({ KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' }, sa)).toEqual({
      server: 'https://10.96.0.1:443', token: 'sa-token', caData: 'CLUSTER CA', namespace: 'kube-system'
    })
  })

  it('brackets an IPv6 service host', () => {
    expect(inClusterConfig({ KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' }, sa)?.server).toBe('https://[fd00::1]:443')
  })

  it('is undefined outside a Pod', () => {
    expect(inClusterConfig({}, sa)).toBeUndefined()
  })

  it('is the last fallback of loadClientConfig', () => {
    expect(loadClientConfig({ env: { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' }, homeDir: join(sa, 'nohome'), serviceAccountDir: sa }).token).toBe('sa-token')
  })
})
