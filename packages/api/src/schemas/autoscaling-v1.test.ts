import type { KubeObject } from '../meta/object.js'
import { hpaV1ToV2, hpaV2ToV1 } from './autoscaling-v1.js'

const meta = { name: 'web', namespace: 'default' }
const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }

describe('autoscaling/v1 <-> v2 HPA conversion', () => {
  it('turns the v1 CPU target into a v2 Resource metric and back', () => {
    const v1: KubeObject = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: meta, spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 } }
    const v2 = hpaV1ToV2(v1)
    expect(v2.spec).toEqual({ scaleTargetRef: ref, minReplicas: 1, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] })
    expect(hpaV2ToV1(v2)).toEqual({ ...v1, status: {} })
  })

  it('keeps v2-only metrics, behavior and conditions through a v1 read-modify-write', () => {
    const memory = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }
    const v2: KubeObject = {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { ...meta, annotations: { keep: 'me' } },
      spec: { scaleTargetRef: ref, maxReplicas: 5, metrics: [memory], behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
      status: { currentReplicas: 2, desiredReplicas: 2, conditions: [{ type: 'AbleToScale', status: 'True' }] }
    }
    const v1 = hpaV2ToV1(v2)
    expect(v1.spec).toEqual({ scaleTargetRef: ref, maxReplicas: 5 })
    expect(Object.keys(v1.metadata.annotations ?? {}).sort()).toEqual(['autoscaling.alpha.kubernetes.io/behavior', 'autoscaling.alpha.kubernetes.io/conditions', 'autoscaling.alpha.kubernetes.io/metrics', 'keep'])
    const edited = { ...v1, spec: { ...(v1.spec as object), maxReplicas: 7 } }
    const back = hpaV1ToV2(edited)
    expect(back.spec).toEqual({ ...(v2.spec as object), maxReplicas: 7 })
    expect(back.status).toEqual(v2.status)
    expect(back.metadata.annotations).toEqual({ keep: 'me' })
  })
})
