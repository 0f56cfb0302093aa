import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { FakeRecorder } from '../../controller-utils/testing/fake-recorder.js'
import { DeploymentController } from './deployment-controller.js'
import { newDeployment, t0 } from './test-fixtures.js'

/** A tiny seeded PRNG so a failing seed can be replayed. */
function prng (seed: number): () => number {
  let s = seed >>> 0
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32 }
}

interface SimPod { ready: boolean }

/**
 * A world where the ReplicaSet controller, the kubelet, status writes and the deployment controller's informer
 * refreshes happen in random order, so the deployment controller often acts on stale ReplicaSet statuses.
 * After every step the real pods must stay within maxSurge and, once the first rollout settled, maxUnavailable.
 */
async function simulate (seed: number, opts: { replicas: number, maxSurge: string | number, maxUnavailable: string | number, maxPods: number, minReady: number }): Promise<{ steps: number, maxPods: number, minReady: number }> {
  const rand = prng(seed)
  const client = new FakeClient(() => t0)
  const d1 = newDeployment({ replicas: opts.replicas, maxSurge: opts.maxSurge, maxUnavailable: opts.maxUnavailable })
  client.seed(resources.deployments, d1)
  const dInformer = new FakeInformer<Deployment>([d1])
  const rsInformer = new FakeInformer<ReplicaSet>([])
  const controller = new DeploymentController({ client, dInformer, rsInformer, podInformer: new FakeInformer<Pod>([]), recorder: new FakeRecorder(), logger: noopLogger, clock: new FakeClock(t0) })
  const pods = new Map<string, SimPod[]>()
  const rsApi = client.resource<ReplicaSet>(resources.replicaSets)
  let judging = false
  let maxPods = 0
  let minReady = Infinity
  const check = (): void => {
    const all = [...pods.values()].flat()
    maxPods = Math.max(maxPods, all.length)
    if (judging) minReady = Math.min(minReady, all.filter(p => p.ready).length)
  }
  const actions: Array<() => Promise<void>> = [
    async () => { await controller.sync('ns/web').catch(() => {}) },
    async () => { // the ReplicaSet controller: one RS moves its pods to spec, deleting not-ready ones first
      const rss = client.tracked<ReplicaSet>(resources.replicaSets)
      const rs = rss[Math.floor(rand() * rss.length)]
      if (rs === undefined) return
      const list = pods.get(rs.metadata?.name ?? '') ?? []
      const want = rs.spec?.replicas ?? 0
      while (list.length < want) list.push({ ready: false })
      if (list.length > want) { list.sort((a, b) => Number(a.ready) - Number(b.ready)); list.splice(0, list.length - want) }
      pods.set(rs.metadata?.name ?? '', list)
    },
    async () => { // the ReplicaSet controller's status write for one RS
      const rss = client.tracked<ReplicaSet>(resources.replicaSets)
      const rs = rss[Math.floor(rand() * rss.length)]
      if (rs === undefined) return
      const list = pods.get(rs.metadata?.name ?? '') ?? []
      const ready = list.filter(p => p.ready).length
      rs.status = { replicas: list.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: rs.metadata?.generation ?? 0 }
      await rsApi.updateStatus('ns', rs)
    },
    async () => { // the kubelet: one pod becomes ready
      const waiting = [...pods.values()].flat().filter(p => !p.ready)
      const p = waiting[Math.floor(rand() * waiting.length)]
      if (p !== undefined) p.ready = true
    },
    async () => { // the deployment controller's informers catch up
      for (const rs of client.tracked<ReplicaSet>(resources.replicaSets)) rsInformer.update(rs)
      for (const d of client.tracked<Deployment>(resources.deployments)) dInformer.update(d)
    }
  ]
  const settled = (image: string): boolean => {
    const d = client.tracked<Deployment>(resources.deployments)[0]
    const current = client.tracked<ReplicaSet>(resources.replicaSets).find(rs => rs.spec?.template?.spec?.containers[0]?.image === image)
    const mine = pods.get(current?.metadata?.name ?? '') ?? []
    const others = [...pods.entries()].filter(([name]) => name !== current?.metadata?.name).flatMap(([, l]) => l)
    return (d?.status?.observedGeneration ?? 0) >= (d?.metadata?.generation ?? 0) && d?.status?.updatedReplicas === opts.replicas &&
      d.status.availableReplicas === opts.replicas && mine.length === opts.replicas && mine.every(p => p.ready) && others.length === 0
  }
  let steps = 0
  for (const image of ['v1', 'v2', 'v3']) {
    if (image !== 'v1') {
      judging = true
      const d = client.tracked<Deployment>(resources.deployments)[0] as Deployment
      d.spec!.template.spec!.containers[0]!.image = image
      await client.resource<Deployment>(resources.deployments).update('ns', d)
    }
    for (let i = 0; !settled(image); i++) {
      if (i > 20_000) throw new Error(`seed ${seed}: rollout to ${image} did not settle`)
      await (actions[Math.floor(rand() * actions.length)] as () => Promise<void>)()
      check()
      steps++
    }
  }
  return { steps, maxPods, minReady }
}

describe('rolling update invariants under stale views', () => {
  it.each([
    { name: '10 replicas, maxSurge 25%, maxUnavailable 25%', replicas: 10, maxSurge: '25%', maxUnavailable: '25%', maxPods: 13, minReady: 8 },
    { name: '5 replicas, maxSurge 1, maxUnavailable 0', replicas: 5, maxSurge: 1, maxUnavailable: 0, maxPods: 6, minReady: 5 },
    { name: '4 replicas, maxSurge 0, maxUnavailable 1', replicas: 4, maxSurge: 0, maxUnavailable: 1, maxPods: 4, minReady: 3 }
  ])('$name: never more pods than replicas+maxSurge nor fewer ready than replicas-maxUnavailable', async (c) => {
    for (let seed = 1; seed <= 15; seed++) {
      const r = await simulate(seed, c)
      expect({ seed, maxPods: r.maxPods <= c.maxPods, minReady: r.minReady >= c.minReady }).toEqual({ seed, maxPods: true, minReady: true })
    }
  })
})
