/**
 * A kubeconfig for tests: one cluster `t` at `server`, an anonymous user and a context with namespace `default`.
 * `insecureSkipTlsVerify` is for @kubernetes/client-node, which refuses a plain-http server without it.
 */
export function testKubeconfig (server: string, opts: { insecureSkipTlsVerify?: boolean } = {}): string {
  const cluster = opts.insecureSkipTlsVerify === true ? `{server: "${server}", insecure-skip-tls-verify: true}` : `{server: "${server}"}`
  return [
    'apiVersion: v1', 'kind: Config',
    `clusters: [{name: t, cluster: ${cluster}}]`,
    'users: [{name: u, user: {}}]',
    'contexts: [{name: t, context: {cluster: t, user: u, namespace: default}}]',
    'current-context: t', ''
  ].join('\n')
}
