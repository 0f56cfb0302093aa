// Drives the apiserver with the official @kubernetes/client-node (ESM-only, so it runs outside jest).
// Usage: node smoke.mjs <kubeconfig>; prints one JSON line of observations for the jest test to assert on.
import * as k8s from '@kubernetes/client-node'

const kc = new k8s.KubeConfig()
kc.loadFromFile(process.argv[2])
const core = kc.makeApiClient(k8s.CoreV1Api)
const ns = 'default'
const out = {}

const informer = k8s.makeInformer(kc, `/api/v1/namespaces/${ns}/configmaps`, () => core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'smoke=yes' }), 'smoke=yes')
const seen = []
informer.on('add', o => seen.push(`add:${o.metadata.name}`))
informer.on('update', o => seen.push(`update:${o.metadata.name}:${o.data?.k}`))
informer.on('delete', o => seen.push(`delete:${o.metadata.name}`))
await informer.start()

const created = await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'cn-smoke', labels: { smoke: 'yes' } }, data: { k: 'v1' } } })
out.createdUid = created.metadata.uid !== undefined
const read = await core.readNamespacedConfigMap({ name: 'cn-smoke', namespace: ns })
out.read = { ...read.data }
read.data.k = 'v2'
const replaced = await core.replaceNamespacedConfigMap({ name: 'cn-smoke', namespace: ns, body: read })
out.replacedRvChanged = replaced.metadata.resourceVersion !== read.metadata.resourceVersion
try {
  await core.replaceNamespacedConfigMap({ name: 'cn-smoke', namespace: ns, body: read })
  out.staleUpdate = 'accepted'
} catch (err) { out.staleUpdate = err.code }
const patched = await core.patchNamespacedConfigMap({ name: 'cn-smoke', namespace: ns, body: { data: { k: 'v3' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch))
out.patched = patched.data
out.listed = (await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'smoke=yes' })).items.map(i => i.metadata.name)
await core.deleteNamespacedConfigMap({ name: 'cn-smoke', namespace: ns })
try { await core.readNamespacedConfigMap({ name: 'cn-smoke', namespace: ns }); out.afterDelete = 'found' } catch (err) { out.afterDelete = err.code }

for (let i = 0; i < 50 && !seen.includes('delete:cn-smoke'); i++) await new Promise(r => setTimeout(r, 100))
out.informer = seen
await informer.stop()
console.log(JSON.stringify(out))
