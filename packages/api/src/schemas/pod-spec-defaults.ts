// Upstream defaulting (SetDefaults_PodSpec, _Container, _Probe, _Volume, ...) for a pod spec wherever it appears:
// pods, and the pod templates of every workload kind.

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])

/** Sets `o[k] = v` only when the field is absent (upstream defaults never override). */
export function setDefault (o: Obj, k: string, v: unknown): void {
  if (o[k] === undefined || o[k] === null) o[k] = v
}

/**
 * Returns `o[k]` as an object, creating it when absent. A value of the wrong type is left in place (validation reports
 * it) and a detached object is returned, so defaulting never hides bad input.
 */
export function child (o: Obj, k: string): Obj {
  const v = o[k]
  if (isObj(v)) return v
  const c: Obj = {}
  if (v === undefined || v === null) o[k] = c
  return c
}

/** `Always` for `:latest` or untagged images, `IfNotPresent` otherwise (digests count as tagged). */
export function defaultPullPolicy (image: string): string {
  if (image.includes('@')) return 'IfNotPresent'
  const lastSegment = image.slice(image.lastIndexOf('/') + 1)
  const colon = lastSegment.lastIndexOf(':')
  if (colon < 0) return 'Always'
  return lastSegment.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent'
}

function defaultProbe (p: unknown): void {
  if (!isObj(p)) return
  setDefault(p, 'timeoutSeconds', 1)
  setDefault(p, 'periodSeconds', 10)
  setDefault(p, 'successThreshold', 1)
  setDefault(p, 'failureThreshold', 3)
  defaultHandler(p)
}

function defaultHandler (h: Obj): void {
  if (isObj(h.httpGet)) {
    setDefault(h.httpGet, 'path', '/')
    setDefault(h.httpGet, 'scheme', 'HTTP')
  }
}

function defaultContainer (c: Obj): void {
  if (typeof c.image === 'string' && c.image !== '') setDefault(c, 'imagePullPolicy', defaultPullPolicy(c.image))
  setDefault(c, 'terminationMessagePath', '/dev/termination-log')
  setDefault(c, 'terminationMessagePolicy', 'File')
  child(c, 'resources')
  for (const p of objects(c.ports)) setDefault(p, 'protocol', 'TCP')
  for (const e of objects(c.env)) {
    const from = e.valueFrom
    if (isObj(from) && isObj(from.fieldRef)) setDefault(from.fieldRef, 'apiVersion', 'v1')
  }
  defaultProbe(c.livenessProbe)
  defaultProbe(c.readinessProbe)
  defaultProbe(c.startupProbe)
  if (isObj(c.lifecycle)) {
    if (isObj(c.lifecycle.postStart)) defaultHandler(c.lifecycle.postStart)
    if (isObj(c.lifecycle.preStop)) defaultHandler(c.lifecycle.preStop)
  }
}

const VOLUME_SOURCES = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume',
  'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image']

function defaultVolume (v: Obj): void {
  // a volume without any source becomes an emptyDir (SetDefaults_Volume)
  if (!VOLUME_SOURCES.some((k) => v[k] !== undefined)) v.emptyDir = {}
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = v[k]
    if (isObj(src)) setDefault(src, 'defaultMode', 420)
  }
  if (isObj(v.hostPath)) setDefault(v.hostPath, 'type', '')
  if (isObj(v.projected)) {
    for (const s of objects(v.projected.sources)) {
      if (isObj(s.serviceAccountToken)) setDefault(s.serviceAccountToken, 'expirationSeconds', 3600)
    }
  }
  if (isObj(v.downwardAPI)) {
    for (const item of objects(v.downwardAPI.items)) {
      if (isObj(item.fieldRef)) setDefault(item.fieldRef, 'apiVersion', 'v1')
    }
  }
}

/** Defaults a PodSpec in place. */
export function defaultPodSpec (spec: Obj): void {
  setDefault(spec, 'restartPolicy', 'Always')
  setDefault(spec, 'terminationGracePeriodSeconds', 30)
  setDefault(spec, 'dnsPolicy', 'ClusterFirst')
  setDefault(spec, 'securityContext', {})
  setDefault(spec, 'schedulerName', 'default-scheduler')
  setDefault(spec, 'enableServiceLinks', true)
  // the v1 wire form carries the deprecated serviceAccount field alongside serviceAccountName (conversion)
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '') setDefault(spec, 'serviceAccount', spec.serviceAccountName)
  else if (typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '') spec.serviceAccountName = spec.serviceAccount
  if (spec.hostNetwork === true) {
    // host-network pods expose their container ports on the host (SetDefaults_PodSpec)
    for (const c of [...objects(spec.initContainers), ...objects(spec.containers)]) {
      for (const p of objects(c.ports)) setDefault(p, 'hostPort', p.containerPort)
    }
  }
  for (const c of objects(spec.initContainers)) defaultContainer(c)
  for (const c of objects(spec.containers)) defaultContainer(c)
  for (const c of objects(spec.ephemeralContainers)) defaultContainer(c)
  for (const v of objects(spec.volumes)) defaultVolume(v)
}

/** Pod-only defaults (SetDefaults_Pod): requests default to limits for every resource limited but not requested. */
export function defaultPodContainerRequests (spec: Obj): void {
  for (const c of [...objects(spec.initContainers), ...objects(spec.containers)]) {
    const res = child(c, 'resources')
    if (!isObj(res.limits)) continue
    const req = child(res, 'requests')
    for (const [k, v] of Object.entries(res.limits)) setDefault(req, k, v)
  }
}

/** Defaults `<holder>.template.spec` of a workload (the template may be absent: validation reports it). */
export function defaultPodTemplateOf (holder: Obj): void {
  const template = holder.template
  if (!isObj(template)) return
  defaultPodSpec(child(template, 'spec'))
}

/** The PVC-template and PVC spec default (SetDefaults_PersistentVolumeClaimSpec). */
export function defaultPvcSpec (spec: Obj): void {
  setDefault(spec, 'volumeMode', 'Filesystem')
}

export { isObj, objects }
