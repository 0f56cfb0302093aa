import { formatFieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import { podSchema } from '../schemas/core-pods.js'

type Obj = Record<string, unknown>

const debugger_ = (over: Obj = {}): Obj => ({ name: 'debugger', image: 'busybox', ...over })

function newPod (ephemeral: Obj[] = [], over: Obj = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', ...over },
    spec: {
      containers: [{ name: 'app', image: 'nginx' }],
      initContainers: [{ name: 'setup', image: 'busybox' }],
      volumes: [{ name: 'data', emptyDir: {} }],
      ...(ephemeral.length > 0 ? { ephemeralContainers: ephemeral } : {})
    }
  }
}

/** Validates `pod` as a write through pods/ephemeralcontainers over `old`, with defaults applied as the registry does. */
function viaSubresource (pod: KubeObject, old: KubeObject = newPod()): string[] {
  podSchema.defaults(pod)
  podSchema.defaults(old)
  return podSchema.validate(pod, { old, subresource: 'ephemeralcontainers' }).map(formatFieldError)
}

describe('ephemeral container validation', () => {
  it.each([
    { name: 'accepts a debug container as kubectl debug sends it (empty resources)', ec: debugger_({ resources: {}, terminationMessagePolicy: 'File', stdin: true, tty: true }), want: [] },
    { name: 'accepts a target container that is a regular container', ec: debugger_({ targetContainerName: 'app' }), want: [] },
    { name: 'accepts volume mounts of pod volumes', ec: debugger_({ volumeMounts: [{ name: 'data', mountPath: '/data' }] }), want: [] },
    {
      name: 'forbids ports',
      ec: debugger_({ ports: [{ containerPort: 80 }] }),
      want: ['spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container']
    },
    {
      name: 'forbids resources that request anything',
      ec: debugger_({ resources: { limits: { cpu: '1' } } }),
      want: ['spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container']
    },
    {
      name: 'forbids probes and lifecycle in struct order',
      ec: debugger_({ lifecycle: { preStop: { exec: { command: ['true'] } } }, readinessProbe: { exec: { command: ['true'] } }, livenessProbe: { exec: { command: ['true'] } } }),
      want: [
        'spec.ephemeralContainers[0].livenessProbe: Forbidden: cannot be set for an Ephemeral Container',
        'spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container',
        'spec.ephemeralContainers[0].lifecycle: Forbidden: cannot be set for an Ephemeral Container'
      ]
    },
    {
      name: 'forbids a container restart policy',
      ec: debugger_({ restartPolicy: 'Always' }),
      want: ['spec.ephemeralContainers[0].restartPolicy: Forbidden: cannot be set for an Ephemeral Container']
    },
    {
      name: 'forbids subPath mounts',
      ec: debugger_({ volumeMounts: [{ name: 'data', mountPath: '/d', subPath: 'x' }] }),
      want: ['spec.ephemeralContainers[0].volumeMounts[0].subPath: Forbidden: cannot be set for an Ephemeral Container']
    },
    {
      name: 'refuses a name already used by a regular container',
      ec: debugger_({ name: 'app' }),
      want: ['spec.ephemeralContainers[0].name: Duplicate value: "app"']
    },
    {
      name: 'refuses a name already used by an init container',
      ec: debugger_({ name: 'setup' }),
      want: ['spec.ephemeralContainers[0].name: Duplicate value: "setup"']
    },
    {
      name: 'refuses a target container that does not exist',
      ec: debugger_({ targetContainerName: 'nope' }),
      want: ['spec.ephemeralContainers[0].targetContainerName: Not found: "nope"']
    },
    {
      name: 'requires an image',
      ec: { name: 'debugger' },
      want: ['spec.ephemeralContainers[0].image: Required value']
    }
  ])('$name', ({ ec, want }) => {
    expect(viaSubresource(newPod([ec]))).toEqual(want)
  })

  it('refuses two ephemeral containers with one name', () => {
    expect(viaSubresource(newPod([debugger_(), debugger_()]))).toEqual(['spec.ephemeralContainers[1].name: Duplicate value: "debugger"'])
  })

  it('allows adding a second ephemeral container next to an existing one', () => {
    const old = newPod([debugger_()])
    expect(viaSubresource(newPod([debugger_(), debugger_({ name: 'second' })]), old)).toEqual([])
  })

  it('refuses removing an existing ephemeral container', () => {
    expect(viaSubresource(newPod(), newPod([debugger_()]))).toEqual(['spec.ephemeralContainers: Forbidden: existing ephemeral containers "debugger" may not be removed\n'])
  })

  it('refuses changing an existing ephemeral container and says what changed', () => {
    const errs = viaSubresource(newPod([debugger_({ image: 'alpine' })]), newPod([debugger_()]))
    expect(errs).toHaveLength(1)
    expect(errs[0]).toMatch(/^spec\.ephemeralContainers: Forbidden: existing ephemeral containers "debugger" may not be changed\n/)
    expect(errs[0]).toContain('image: "busybox" -> "alpine"')
  })

  it('refuses ephemeral containers on static pods, and only that', () => {
    const old = newPod([], { annotations: { 'kubernetes.io/config.mirror': 'abc' } })
    expect(viaSubresource(newPod([debugger_({ ports: [{ containerPort: 1 }] })]), old)).toEqual([': Forbidden: static pods do not support ephemeral containers'])
  })

  it('refuses ephemeral containers when a pod is created', () => {
    const pod = newPod([debugger_()])
    podSchema.defaults(pod)
    expect(podSchema.validate(pod, {}).map(formatFieldError)).toEqual(['spec.ephemeralContainers: Forbidden: cannot be set on create'])
  })

  it('refuses adding ephemeral containers through a plain pod update', () => {
    const old = newPod()
    const pod = newPod([debugger_()])
    podSchema.defaults(old)
    podSchema.defaults(pod)
    const errs = podSchema.validate(pod, { old }).map(formatFieldError)
    expect(errs).toEqual([expect.stringMatching(/^spec: Forbidden: pod updates may not change fields other than/)])
  })
})
