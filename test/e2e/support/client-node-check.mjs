// Drives a scripts/cluster up cluster with the official @kubernetes/client-node (ESM-only, so it runs outside
// jest), loading the kubeconfig `up` wrote. Usage: node client-node-check.mjs <kubeconfig> <name>
// Prints one JSON line of observations for client-libraries.e2e.test.ts to assert on.
import * as k8s from '@kubernetes/client-node'

const [kubeconfig, name] = process.argv.slice(2)
const kc = new k8s.KubeConfig()
kc.loadFromFile(kubeconfig)
const core = kc.makeApiClient(k8s.CoreV1Api)
const apps = kc.makeApiClient(k8s.AppsV1Api)
const ns = 'default'
const out = {}
const contentType = (strategy) => k8s.setHeaderOptions('Content-Type', strategy)
const statusOf = (err) => ({ code: err.code, reason: JSON.parse(err.body).reason })
const sleep = (ms) => new Promise((done) => setTimeout(done, ms))

// A raw Watch and an informer, both with a label selector that the second ConfigMap does not match.
const watched = []
const watch = new k8s.Watch(kc)
const watchRequest = await watch.watch(`/api/v1/namespaces/${ns}/configmaps`, { labelSelector: `check=${name}` },
  (type, obj) => watched.push(`${type}:${obj.metadata.name}:${obj.data?.k ?? ''}`), () => undefined)
const informer = k8s.makeInformer(kc, `/api/v1/namespaces/${ns}/configmaps`,
  () => core.listNamespacedConfigMap({ namespace: ns, labelSelector: `check=${name}` }), `check=${name}`)
const informed = []
informer.on('add', (o) => informed.push(`add:${o.metadata.name}`))
informer.on('update', (o) => informed.push(`update:${o.metadata.name}:${o.data?.k}`))
informer.on('delete', (o) => informed.push(`delete:${o.metadata.name}`))
await informer.start()

await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: `${name}-other`, labels: { check: 'other' } }, data: { k: 'x' } } })
await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name, labels: { check: name } }, data: { k: 'v1', keep: 'yes' } } })
try {
  await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name } } })
  out.duplicate = 'accepted'
} catch (err) { out.duplicate = statusOf(err) }

const patches = [
  [k8s.PatchStrategy.JsonPatch, [{ op: 'replace', path: '/data/k', value: 'v2' }], {}],
  [k8s.PatchStrategy.MergePatch, { data: { k: 'v3' } }, {}],
  [k8s.PatchStrategy.StrategicMergePatch, { data: { k: 'v4' } }, {}],
  [k8s.PatchStrategy.ServerSideApply, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { check: name } }, data: { k: 'v5' } }, { fieldManager: 'e2e-apply', force: true }]
]
out.patched = []
for (const [strategy, body, extra] of patches) {
  const patched = await core.patchNamespacedConfigMap({ name, namespace: ns, body, ...extra }, contentType(strategy))
  out.patched.push(patched.data)
}
const applied = await core.readNamespacedConfigMap({ name, namespace: ns })
out.managers = applied.metadata.managedFields.map((entry) => `${entry.manager}/${entry.operation}`).sort()
try {
  await core.readNamespacedConfigMap({ name: `${name}-missing`, namespace: ns })
  out.missing = 'found'
} catch (err) { out.missing = statusOf(err) }

const page = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: `check in (${name},other)`, limit: 1 })
const rest = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: `check in (${name},other)`, limit: 1, _continue: page.metadata._continue })
out.pages = [page.items.length, rest.items.length, rest.metadata._continue ?? '']

// The deployment controller of the cluster reconciles a Deployment into one ReplicaSet and its pods.
await apps.createNamespacedDeployment({ namespace: ns, body: { metadata: { name }, spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'kube-ts/busybox:1.36' }] } } } } })
const scale = await apps.patchNamespacedDeploymentScale({ name, namespace: ns, body: { spec: { replicas: 3 } } }, contentType(k8s.PatchStrategy.MergePatch))
out.scale = { kind: scale.kind, replicas: scale.spec.replicas }
let pods = []
for (let i = 0; i < 100 && pods.length !== 3; i++) {
  await sleep(200)
  pods = (await core.listNamespacedPod({ namespace: ns, labelSelector: `app=${name}` })).items
}
out.pods = pods.length
out.replicaSets = (await apps.listNamespacedReplicaSet({ namespace: ns, labelSelector: `app=${name}` })).items.length
await apps.deleteNamespacedDeployment({ name, namespace: ns })

await core.deleteNamespacedConfigMap({ name, namespace: ns })
await core.deleteNamespacedConfigMap({ name: `${name}-other`, namespace: ns })
for (let i = 0; i < 100 && !informed.includes(`delete:${name}`); i++) await sleep(100)
out.watched = watched
out.informed = informed
watchRequest.abort()
await informer.stop()
console.log(JSON.stringify(out))
