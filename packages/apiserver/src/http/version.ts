/**
 * `/version`. The minor must be "32": kubectl on these machines is a dispatcher that execs the kubectl matching
 * the server's minor version (kubectl-wire §0).
 */
export const versionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4-kube-ts',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-11-23T00:00:00Z',
  goVersion: `node${process.versions.node}`,
  compiler: 'tsc',
  platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`
}
