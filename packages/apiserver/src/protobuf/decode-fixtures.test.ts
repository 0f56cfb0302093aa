import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodeKubernetesProtobuf } from './decode.js'

// Bodies captured from the real kubectl 1.32 by fixtures/capture.mjs; the oracle is the same command's
// `--dry-run=client -o json`, i.e. kubectl's own JSON rendering of the very object it encoded.
const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures', name))
const oracle = (name: string): unknown => JSON.parse(fixture(`${name}.json`).toString('utf8'))

const cases = [
  { name: 'create namespace decodes to the namespace kubectl renders', fixture: 'namespace' },
  { name: 'create configmap keeps an empty data value', fixture: 'configmap' },
  { name: 'create secret generic turns bytes data into base64', fixture: 'secret' },
  { name: 'create deployment keeps replicas, selector, template, ports and the empty strategy', fixture: 'deployment' },
  { name: 'create deployment --replicas=0 keeps the explicit zero', fixture: 'deployment-zero-replicas' },
  { name: 'create service clusterip decodes ports with a numeric targetPort', fixture: 'service-clusterip' },
  { name: 'create service nodeport decodes a named targetPort and the nodePort', fixture: 'service-nodeport' },
  { name: 'create job decodes the pod template with a command', fixture: 'job' },
  { name: 'create cronjob decodes the schedule and the job template', fixture: 'cronjob' },
  { name: 'create quota decodes hard quantities and scopes', fixture: 'quota' },
  { name: 'create role decodes policy rules with resource names', fixture: 'role' },
  { name: 'create rolebinding decodes user, group and service account subjects', fixture: 'rolebinding' },
  { name: 'create clusterrole decodes non-resource URLs', fixture: 'clusterrole' },
  { name: 'create clusterrole with an aggregation rule renders absent rules as null', fixture: 'clusterrole-aggregated' },
  { name: 'create clusterrolebinding decodes the role reference', fixture: 'clusterrolebinding' },
  { name: 'create pdb decodes an integer minAvailable', fixture: 'pdb' },
  { name: 'create pdb decodes a percentage maxUnavailable', fixture: 'pdb-percent' },
  { name: 'create priorityclass decodes value, description and preemption policy', fixture: 'priorityclass' },
  { name: 'create ingress decodes rules, backends, tls and annotations', fixture: 'ingress' },
  { name: 'create serviceaccount decodes to the service account kubectl renders', fixture: 'serviceaccount' },
  { name: 'create configmap --from-file with binary content decodes binaryData as base64', fixture: 'configmap-binary' },
  { name: 'create secret tls decodes the PEM data and the secret type', fixture: 'secret-tls' },
  { name: 'create secret docker-registry decodes the dockerconfigjson data', fixture: 'secret-docker-registry' },
  { name: 'create service externalname decodes the external name and type', fixture: 'service-externalname' },
  { name: 'create service loadbalancer decodes the service type and ports', fixture: 'service-loadbalancer' },
  { name: 'create job --from=cronjob decodes owner references and annotations', fixture: 'job-from-cronjob' },
  { name: 'autoscale decodes an autoscaling/v1 HorizontalPodAutoscaler with its zero status counts', fixture: 'autoscale' }
]

describe('decodeKubernetesProtobuf on bodies captured from kubectl', () => {
  it.each(cases)('$name', ({ fixture: name }) => {
    const decoded = decodeKubernetesProtobuf(fixture(`${name}.bin`))
    expect(decoded.object).toEqual(oracle(name))
  })

  it('auth can-i get pods decodes to a SelfSubjectAccessReview', () => {
    expect(decodeKubernetesProtobuf(fixture('can-i.bin'))).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      object: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        metadata: { creationTimestamp: null },
        spec: { resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } },
        status: { allowed: false }
      }
    })
  })

  it('create token with a bound object decodes the reference and renders nil fields as null', () => {
    expect(decodeKubernetesProtobuf(fixture('token-bound.bin')).object).toEqual({
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      metadata: { creationTimestamp: null },
      spec: { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p1', uid: 'pod-uid' }, audiences: null, expirationSeconds: null },
      status: { token: '', expirationTimestamp: null }
    })
  })

  it('drain --disable-eviction sends DeleteOptions with the grace period', () => {
    expect(decodeKubernetesProtobuf(fixture('delete-options.bin'))).toEqual({
      apiVersion: 'v1', kind: 'DeleteOptions', object: { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 7 }
    })
  })

  it('debug node/ decodes a privileged host pod with a hostPath volume and a toleration', () => {
    const pod = decodeKubernetesProtobuf(fixture('debug-node.bin')).object
    expect(pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: expect.stringMatching(/^node-debugger-n1-[a-z0-9]{5}$/), creationTimestamp: null },
      spec: {
        volumes: [{ name: 'host-root', hostPath: { path: '/' } }],
        containers: [{
          name: 'debugger',
          image: 'busybox:1.36',
          resources: {},
          volumeMounts: [{ name: 'host-root', mountPath: '/host' }],
          securityContext: { privileged: true },
          terminationMessagePolicy: 'File'
        }],
        restartPolicy: 'Never',
        nodeName: 'n1',
        hostNetwork: true,
        hostPID: true,
        hostIPC: true,
        tolerations: [{ operator: 'Exists' }]
      },
      status: {}
    })
  })

  it('certificate approve sends the CSR with an Approved condition, user extra values and times', () => {
    expect(decodeKubernetesProtobuf(fixture('certificate-approve.bin')).object).toEqual({
      apiVersion: 'certificates.k8s.io/v1',
      kind: 'CertificateSigningRequest',
      metadata: { name: 'csr1', uid: 'csr-uid', resourceVersion: '7', creationTimestamp: null },
      spec: { request: 'eA==', signerName: 'example.com/signer', usages: ['client auth'], username: 'alice', groups: ['g1'], extra: { scopes: ['a', 'b'] } },
      status: {
        conditions: [{
          type: 'Approved',
          status: 'True',
          reason: 'KubectlApprove',
          message: 'This CSR was approved by kubectl certificate approve.',
          lastUpdateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          lastTransitionTime: null
        }]
      }
    })
  })

  it('create token decodes a TokenRequest with audiences and expiration', () => {
    expect(decodeKubernetesProtobuf(fixture('token.bin')).object).toEqual({
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      metadata: { creationTimestamp: null },
      spec: { audiences: ['a1'], expirationSeconds: 600, boundObjectRef: null },
      status: { token: '', expirationTimestamp: null }
    })
  })
})
