import type { KubeObject } from '@kube-ts/api'
import { ServiceAllocations } from './service-allocations.js'

const svc = (name: string, spec: Record<string, unknown>): KubeObject => ({ metadata: { name, namespace: 'default' }, spec })
const specOf = (o: KubeObject): { clusterIP?: string, clusterIPs?: string[], ports?: Array<{ nodePort?: number }> } => o.spec as never

function caught (fn: () => unknown): { code?: number, message?: string } | undefined {
  try { fn() } catch (err) { return err as { code: number } }
  return undefined
}

const small = (): ServiceAllocations => new ServiceAllocations('10.0.0.0/29', { min: 30000, max: 30002 })

describe('ServiceAllocations', () => {
  it('hands out unique cluster IPs and never the network, .1 or broadcast address', () => {
    const a = small()
    const ips = Array.from({ length: 5 }, (_, i) => { const s = svc(`s${i}`, {}); a.forCreate(s).commit(); return specOf(s).clusterIP })
    expect(new Set(ips).size).toBe(5)
    expect(ips.sort()).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6'])
    expect(caught(() => a.forCreate(svc('full', {})))).toBeDefined()
  })

  it.each([
    { name: 'honours a requested free IP, including .1 for the kubernetes service', spec: { clusterIP: '10.0.0.1' }, want: '10.0.0.1', message: undefined },
    { name: 'keeps headless services headless', spec: { clusterIP: 'None' }, want: 'None', message: undefined },
    { name: 'rejects an IP outside the range with 422', spec: { clusterIP: '10.1.0.9' }, want: undefined, message: 'Service "s" is invalid: spec.clusterIPs: Invalid value: []string{"10.1.0.9"}: failed to allocate IP 10.1.0.9: provided IP is not in the valid range. The range of valid IPs is 10.0.0.0/29' },
    { name: 'rejects a taken IP with 422', spec: { clusterIP: '10.0.0.3' }, want: undefined, message: 'Service "s" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.3"}: failed to allocate IP 10.0.0.3: provided IP is already allocated' }
  ])('$name', ({ spec, want, message }) => {
    const a = small()
    a.forCreate(svc('taken', { clusterIP: '10.0.0.3' })).commit()
    const s = svc('s', spec)
    const err = caught(() => a.forCreate(s).commit())
    if (message !== undefined) { expect(err).toMatchObject({ code: 422, message }); return }
    expect(err).toBeUndefined()
    expect(specOf(s).clusterIP).toBe(want)
    expect(specOf(s).clusterIPs).toEqual([want])
  })

  it('allocates NodePorts for NodePort services, honouring requested ones, and rejects taken or out-of-range ports', () => {
    const a = small()
    const s = svc('np', { type: 'NodePort', ports: [{ port: 80 }, { port: 81, nodePort: 30000 }] })
    a.forCreate(s).commit()
    expect(specOf(s).ports?.[1]?.nodePort).toBe(30000)
    expect([30001, 30002]).toContain(specOf(s).ports?.[0]?.nodePort)
    expect(caught(() => a.forCreate(svc('t', { type: 'NodePort', ports: [{ port: 1, nodePort: 30000 }] })))).toMatchObject({ message: 'Service "t" is invalid: spec.ports[0].nodePort: Invalid value: 30000: provided port is already allocated' })
    expect(caught(() => a.forCreate(svc('t', { type: 'NodePort', ports: [{ port: 1, nodePort: 80 }] })))).toMatchObject({ message: 'Service "t" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-30002' })
  })

  it('returns everything a failed create took', () => {
    const a = small()
    a.forCreate(svc('holder', { type: 'NodePort', clusterIP: '10.0.0.2', ports: [{ port: 1, nodePort: 30002 }] })).commit()
    // the first port succeeds, the second collides: the first must be given back
    expect(caught(() => a.forCreate(svc('f', { type: 'NodePort', clusterIP: '10.0.0.4', ports: [{ port: 1, nodePort: 30000 }, { port: 2, nodePort: 30002 }] })))).toMatchObject({ code: 422 })
    expect(a.portAllocator.has(30000)).toBe(false)
    expect(a.ipAllocator.has('10.0.0.4')).toBe(false)
  })

  it('gives a rolled back (dry-run or failed write) reservation back', () => {
    const a = small()
    const s = svc('s', { type: 'NodePort', ports: [{ port: 1 }] })
    a.forCreate(s).rollback()
    expect(a.ipAllocator.has(specOf(s).clusterIP ?? '')).toBe(false)
    expect(a.portAllocator.has(specOf(s).ports?.[0]?.nodePort ?? 0)).toBe(false)
  })

  it('releases cluster IP and NodePorts on delete', () => {
    const a = small()
    const s = svc('s', { type: 'NodePort', ports: [{ port: 1 }] })
    a.forCreate(s).commit()
    a.forDelete(s).commit()
    expect(a.ipAllocator.has(specOf(s).clusterIP ?? '')).toBe(false)
    expect(a.portAllocator.has(specOf(s).ports?.[0]?.nodePort ?? 0)).toBe(false)
  })

  it.each([
    { name: 'keeps the cluster IP and NodePort when an update leaves them unset', to: { type: 'NodePort', ports: [{ port: 1 }] }, keepsIp: true, keepsPort: true },
    { name: 'releases NodePorts when the type changes to ClusterIP', to: { type: 'ClusterIP', ports: [{ port: 1 }] }, keepsIp: true, keepsPort: false },
    { name: 'releases the cluster IP when the type changes to ExternalName', to: { type: 'ExternalName', externalName: 'example.com', ports: [{ port: 1 }] }, keepsIp: false, keepsPort: false }
  ])('$name', ({ to, keepsIp, keepsPort }) => {
    const a = small()
    const old = svc('s', { type: 'NodePort', ports: [{ port: 1 }] })
    a.forCreate(old).commit()
    const ip = specOf(old).clusterIP ?? ''
    const port = specOf(old).ports?.[0]?.nodePort ?? 0
    const updated = svc('s', structuredClone(to))
    const r = a.forUpdate(old, updated)
    // nothing is released before the write commits
    expect(a.ipAllocator.has(ip) && a.portAllocator.has(port)).toBe(true)
    r.commit()
    expect(a.ipAllocator.has(ip)).toBe(keepsIp)
    expect(a.portAllocator.has(port)).toBe(keepsPort)
    if (keepsIp) expect(specOf(updated).clusterIP).toBe(ip)
    if (keepsPort) expect(specOf(updated).ports?.[0]?.nodePort).toBe(port)
    else expect(specOf(updated).ports?.[0]?.nodePort).toBeUndefined()
  })

  it('allocates and releases a health check node port for Local LoadBalancer services', () => {
    const a = small()
    const s = svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 1 }] })
    a.forCreate(s).commit()
    const hc = (s.spec as { healthCheckNodePort?: number }).healthCheckNodePort ?? 0
    expect(a.portAllocator.has(hc)).toBe(true)
    expect(hc).not.toBe(specOf(s).ports?.[0]?.nodePort)
    const cluster = svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', ports: [{ port: 1 }] })
    a.forUpdate(s, cluster).commit()
    expect(a.portAllocator.has(hc)).toBe(false)
    expect((cluster.spec as { healthCheckNodePort?: number }).healthCheckNodePort).toBeUndefined()
  })

  it('rejects changing the cluster IP of an existing service', () => {
    const a = small()
    const old = svc('s', {})
    a.forCreate(old).commit()
    const other = specOf(old).clusterIP === '10.0.0.5' ? '10.0.0.6' : '10.0.0.5'
    expect(caught(() => a.forUpdate(old, svc('s', { clusterIP: other })))).toMatchObject({ code: 422, message: `Service "s" is invalid: spec.clusterIPs[0]: Invalid value: "${other}": may not change once set` })
  })

  it('rebuilds its state from stored services (apiserver restart)', () => {
    const a = small()
    a.load([svc('a', { clusterIP: '10.0.0.2', clusterIPs: ['10.0.0.2'], type: 'NodePort', ports: [{ port: 1, nodePort: 30001 }] })])
    expect(caught(() => a.forCreate(svc('b', { clusterIP: '10.0.0.2' })))).toMatchObject({ code: 422 })
    expect(caught(() => a.forCreate(svc('c', { type: 'NodePort', ports: [{ port: 1, nodePort: 30001 }] })))).toMatchObject({ code: 422 })
  })
})
