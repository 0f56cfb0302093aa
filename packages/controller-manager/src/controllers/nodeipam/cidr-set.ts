import { errBadRequest } from '@kube-ts/api'

const ipToNumber = (ip: string): number | undefined => {
  const parts = ip.split('.')
  if (parts.length !== 4 || parts.some((p) => !/^[0-9]{1,3}$/.test(p) || Number(p) > 255)) return undefined
  return parts.reduce((n, p) => n * 256 + Number(p), 0)
}
const numberToIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')

/** An IPv4 CIDR parsed into its base address and prefix length; undefined when malformed. */
export function parseCidr (cidr: string): { base: number, prefix: number } | undefined {
  const [ip = '', len = ''] = cidr.split('/')
  const base = ipToNumber(ip)
  if (base === undefined || !/^[0-9]{1,2}$/.test(len) || Number(len) > 32) return undefined
  const prefix = Number(len)
  const size = 2 ** (32 - prefix)
  return { base: base - (base % size), prefix }
}

/**
 * The node pod-CIDR pool (upstream cidrset): the cluster CIDR cut into subnets of `maskSize` bits, handed out
 * lowest first. Which subnets are taken is given by the caller on every call, so the pool never drifts from the
 * nodes it describes.
 */
export class CidrSet {
  private readonly base: number
  private readonly subnetSize: number
  readonly count: number

  constructor (clusterCidr: string, readonly maskSize: number) {
    const parsed = parseCidr(clusterCidr)
    if (parsed === undefined) throw errBadRequest(`invalid cluster CIDR ${JSON.stringify(clusterCidr)}: must be an IPv4 CIDR`)
    if (maskSize < parsed.prefix || maskSize > 32) throw errBadRequest(`node CIDR mask size ${maskSize} must be between ${parsed.prefix} and 32 for cluster CIDR ${clusterCidr}`)
    this.base = parsed.base
    this.subnetSize = 2 ** (32 - maskSize)
    this.count = 2 ** (maskSize - parsed.prefix)
  }

  /** The subnet index of `cidr` in this pool, or undefined when it is not one of its subnets. */
  indexOf (cidr: string): number | undefined {
    const p = parseCidr(cidr)
    if (p === undefined || p.prefix !== this.maskSize) return undefined
    const i = (p.base - this.base) / this.subnetSize
    return Number.isInteger(i) && i >= 0 && i < this.count ? i : undefined
  }

  cidrAt (i: number): string { return `${numberToIp(this.base + i * this.subnetSize)}/${this.maskSize}` }

  /** The lowest subnet not in `taken`, or undefined when the pool is exhausted. */
  next (taken: ReadonlySet<string>): string | undefined {
    const used = new Set<number>()
    for (const c of taken) { const i = this.indexOf(c); if (i !== undefined) used.add(i) }
    for (let i = 0; i < this.count; i++) if (!used.has(i)) return this.cidrAt(i)
    return undefined
  }
}
