import { managerOrUserAgent } from './manager-name.js'

describe('managerOrUserAgent', () => {
  it.each([
    { name: 'an explicit fieldManager wins over the User-Agent', fieldManager: 'kubectl-edit', ua: 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07', want: 'kubectl-edit' },
    { name: 'kubectl without a flag is recorded as kubectl', fieldManager: undefined, ua: 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07', want: 'kubectl' },
    { name: 'a controller is recorded under its binary name', fieldManager: '', ua: 'kube-controller-manager/v1.32.4 (linux/amd64) kubernetes/4cb5f07/system:serviceaccount:kube-system:deployment-controller', want: 'kube-controller-manager' },
    { name: 'a User-Agent without a slash is taken whole', fieldManager: undefined, ua: 'curl', want: 'curl' },
    { name: 'non-printable characters are dropped', fieldManager: undefined, ua: 'my\u0007tool/1.0', want: 'mytool' },
    { name: 'a long product name is cut at 128 bytes', fieldManager: undefined, ua: `${'x'.repeat(200)}/1`, want: 'x'.repeat(128) },
    { name: 'a multi-byte character that would cross 128 bytes is left out', fieldManager: undefined, ua: `${'x'.repeat(127)}é/1`, want: 'x'.repeat(127) },
    { name: 'no User-Agent gives unknown', fieldManager: undefined, ua: undefined, want: 'unknown' },
    { name: 'a User-Agent starting with a slash gives unknown', fieldManager: undefined, ua: '/v1', want: 'unknown' }
  ])('$name', ({ fieldManager, ua, want }) => {
    expect(managerOrUserAgent(fieldManager, ua)).toBe(want)
  })
})
