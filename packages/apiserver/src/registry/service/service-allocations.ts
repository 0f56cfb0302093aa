import { errInvalid, type FieldError, type KubeObject } from '@kube-ts/api'
import { AllocationError, ClusterIpAllocator } from './cluster-ip-allocator.js'
import { NodePortAllocator, type PortRange } from './node-port-allocator.js'

interface ServicePort { name?: string, port?: number, protocol?: string, nodePort?: number }
interface ServiceSpec {
  type?: string
  clusterIP?: string
  clusterIPs?: string[]
  ipFamilies?: string[]
  ipFamilyPolicy?: string
  allocateLoadBalancerNodePorts?: boolean
  externalTrafficPolicy?: string
  healthCheckNodePort?: number
  ports?: ServicePort[]
}

function specOf (svc: KubeObject): ServiceSpec {
  if (svc.spec === undefined || svc.spec === null || typeof svc.spec !== 'object') svc.spec = {}
  return svc.spec as ServiceSpec
}

const needsClusterIP = (s: ServiceSpec): boolean => s.type !== 'ExternalName'
const needsNodePorts = (s: ServiceSpec): boolean =>
  s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false)
/** LoadBalancer services with externalTrafficPolicy Local get a node port for the load balancer's health checks. */
const needsHealthCheckPort = (s: ServiceSpec): boolean => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local'
const isRealIp = (ip: string | undefined): ip is string => ip !== undefined && ip !== '' && ip !== 'None'

function requestedIp (s: ServiceSpec): string {
  return s.clusterIP !== undefined && s.clusterIP !== '' ? s.clusterIP : (s.clusterIPs?.[0] ?? '')
}

/** Go's %#v of a []string, as upstream prints clusterIPs in field errors. */
const goStrings = (v: string[]): string => `[]string{${v.map(s => JSON.stringify(s)).join(', ')}}`

/**
 * What one write took from the allocators. `commit` makes releases of the old object's values final (they stay
 * reserved until the write succeeds, so a failed write changes nothing); `rollback` returns what it allocated.
 */
export class Reservation {
  readonly ips: string[] = []
  readonly ports: number[] = []
  readonly releaseIps: string[] = []
  readonly releasePorts: number[] = []

  constructor (private readonly owner: ServiceAllocations) {}

  commit (): void {
    for (const ip of this.releaseIps) this.owner.ipAllocator.release(ip)
    for (const p of this.releasePorts) this.owner.portAllocator.release(p)
  }

  rollback (): void {
    for (const ip of this.ips) this.owner.ipAllocator.release(ip)
    for (const p of this.ports) this.owner.portAllocator.release(p)
  }
}

/**
 * ClusterIP and NodePort bookkeeping for Services (upstream's service REST allocators). State lives in memory and
 * is rebuilt from the stored Services when the registry starts, so it survives apiserver restarts without a
 * separate allocation record.
 */
export class ServiceAllocations {
  readonly ipAllocator: ClusterIpAllocator
  readonly portAllocator: NodePortAllocator

  constructor (cidr: string, portRange: PortRange, random?: (max: number) => number) {
    this.ipAllocator = new ClusterIpAllocator(cidr, random)
    this.portAllocator = new NodePortAllocator(portRange, random)
  }

  /** Marks everything stored services hold; conflicting or out-of-range values are skipped. */
  load (services: KubeObject[]): void {
    for (const svc of services) {
      const s = specOf(svc)
      for (const ip of s.clusterIPs ?? (s.clusterIP !== undefined ? [s.clusterIP] : [])) {
        if (isRealIp(ip) && !this.ipAllocator.has(ip)) tryQuietly(() => { this.ipAllocator.allocate(ip) })
      }
      const ports = (s.ports ?? []).map(p => p.nodePort ?? 0).concat(s.healthCheckNodePort ?? 0)
      for (const p of ports) {
        if (p !== 0 && !this.portAllocator.has(p)) tryQuietly(() => { this.portAllocator.allocate(p) })
      }
    }
  }

  /** Fills spec.clusterIP(s) and nodePorts of a new Service; 422 when a requested value is taken or out of range. */
  forCreate (svc: KubeObject): Reservation {
    const r = new Reservation(this)
    return this.guard(svc, r, () => {
      const s = specOf(svc)
      if (needsClusterIP(s)) this.assignClusterIp(s, r)
      if (needsNodePorts(s)) this.assignNodePorts(s, new Set(), r)
      if (needsHealthCheckPort(s)) this.assignHealthCheckPort(s, undefined, r)
    })
  }

  /** Keeps what the old Service had, allocates what the new one adds, and releases what a type change drops. */
  forUpdate (old: KubeObject, svc: KubeObject): Reservation {
    const r = new Reservation(this)
    return this.guard(svc, r, () => {
      const o = specOf(old)
      const s = specOf(svc)
      this.updateClusterIp(o, s, r)
      const oldPorts = new Set(needsNodePorts(o) ? (o.ports ?? []).map(p => p.nodePort ?? 0).filter(p => p !== 0) : [])
      if (needsNodePorts(s)) {
        if (needsNodePorts(o)) inheritNodePorts(o, s)
        this.assignNodePorts(s, oldPorts, r)
      } else {
        for (const p of s.ports ?? []) delete p.nodePort
      }
      const kept = new Set((s.ports ?? []).map(p => p.nodePort ?? 0))
      for (const p of oldPorts) if (!kept.has(p)) r.releasePorts.push(p)
      const oldHealth = needsHealthCheckPort(o) ? o.healthCheckNodePort : undefined
      if (needsHealthCheckPort(s)) this.assignHealthCheckPort(s, oldHealth, r)
      else delete s.healthCheckNodePort
      if (oldHealth !== undefined && oldHealth !== 0 && s.healthCheckNodePort !== oldHealth) r.releasePorts.push(oldHealth)
    })
  }

  /** What deleting the Service gives back (on commit). */
  forDelete (svc: KubeObject): Reservation {
    const r = new Reservation(this)
    const s = specOf(svc)
    for (const ip of s.clusterIPs ?? (s.clusterIP !== undefined ? [s.clusterIP] : [])) if (isRealIp(ip)) r.releaseIps.push(ip)
    for (const p of s.ports ?? []) if (p.nodePort !== undefined && p.nodePort !== 0) r.releasePorts.push(p.nodePort)
    if (s.healthCheckNodePort !== undefined && s.healthCheckNodePort !== 0) r.releasePorts.push(s.healthCheckNodePort)
    return r
  }

  private guard (svc: KubeObject, r: Reservation, fn: () => void): Reservation {
    try {
      fn()
      return r
    } catch (err) {
      r.rollback()
      if (err instanceof FieldFailure) throw errInvalid('', 'Service', svc.metadata.name ?? '', [err.field])
      throw err
    }
  }

  private assignClusterIp (s: ServiceSpec, r: Reservation): void {
    const wanted = requestedIp(s)
    let ip = wanted
    if (wanted === 'None') {
      ip = 'None'
    } else if (wanted !== '') {
      try {
        this.ipAllocator.allocate(wanted)
      } catch (err) {
        if (!(err instanceof AllocationError)) throw err
        throw new FieldFailure({ type: 'FieldValueInvalid', field: 'spec.clusterIPs', message: `${goStrings([wanted])}: failed to allocate IP ${wanted}: ${err.message}` })
      }
      r.ips.push(wanted)
    } else {
      ip = this.ipAllocator.allocateNext()
      r.ips.push(ip)
    }
    s.clusterIP = ip
    s.clusterIPs = [ip]
    s.ipFamilies ??= ['IPv4']
    s.ipFamilyPolicy ??= 'SingleStack'
  }

  private updateClusterIp (o: ServiceSpec, s: ServiceSpec, r: Reservation): void {
    const had = needsClusterIP(o) ? requestedIp(o) : ''
    if (!needsClusterIP(s)) {
      if (isRealIp(had)) r.releaseIps.push(had)
      delete s.clusterIP
      delete s.clusterIPs
      return
    }
    if (had === '') { this.assignClusterIp(s, r); return }
    const wanted = requestedIp(s)
    if (wanted !== '' && wanted !== had) {
      throw new FieldFailure({ type: 'FieldValueInvalid', field: 'spec.clusterIPs[0]', message: `${JSON.stringify(wanted)}: may not change once set` })
    }
    s.clusterIP = had
    s.clusterIPs = o.clusterIPs ?? [had]
    s.ipFamilies ??= o.ipFamilies
    s.ipFamilyPolicy ??= o.ipFamilyPolicy
  }

  /** `owned` is the old object's port, kept when the update leaves the field unset or unchanged. */
  private assignHealthCheckPort (s: ServiceSpec, owned: number | undefined, r: Reservation): void {
    const wanted = s.healthCheckNodePort ?? 0
    if (wanted === 0 && owned !== undefined && owned !== 0) { s.healthCheckNodePort = owned; return }
    if (wanted !== 0 && wanted === owned) return
    if (wanted === 0) {
      s.healthCheckNodePort = this.portAllocator.allocateNext()
      r.ports.push(s.healthCheckNodePort)
      return
    }
    try {
      this.portAllocator.allocate(wanted)
    } catch (err) {
      if (!(err instanceof AllocationError)) throw err
      throw new FieldFailure({ type: 'FieldValueInvalid', field: 'spec.healthCheckNodePort', badValue: wanted, message: err.message })
    }
    r.ports.push(wanted)
  }

  /** Requested ports first (so a dynamic pick cannot take them), then dynamic ones. `owned` are already ours. */
  private assignNodePorts (s: ServiceSpec, owned: Set<number>, r: Reservation): void {
    const ports = s.ports ?? []
    const mine = new Set(owned)
    ports.forEach((p, i) => {
      const n = p.nodePort ?? 0
      if (n === 0 || mine.has(n)) return
      try {
        this.portAllocator.allocate(n)
      } catch (err) {
        if (!(err instanceof AllocationError)) throw err
        throw new FieldFailure({ type: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, badValue: n, message: err.message })
      }
      r.ports.push(n)
      mine.add(n)
    })
    for (const p of ports) {
      if (p.nodePort !== undefined && p.nodePort !== 0) continue
      p.nodePort = this.portAllocator.allocateNext()
      r.ports.push(p.nodePort)
    }
  }
}

/** A port that keeps its number and protocol keeps its NodePort when the update leaves it unset. */
function inheritNodePorts (o: ServiceSpec, s: ServiceSpec): void {
  for (const p of s.ports ?? []) {
    if (p.nodePort !== undefined && p.nodePort !== 0) continue
    const match = (o.ports ?? []).find(q => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP'))
    if (match?.nodePort !== undefined && match.nodePort !== 0) p.nodePort = match.nodePort
  }
}

class FieldFailure extends Error {
  constructor (readonly field: FieldError) { super(field.message) }
}

function tryQuietly (fn: () => void): void {
  try { fn() } catch { /* a duplicate in stored data must not stop the apiserver */ }
}
