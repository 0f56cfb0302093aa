/** An IPv4 CIDR as a half-open integer interval (IPv6 service ranges are not supported yet). */
export interface Ipv4Range {
  cidr: string
  base: number
  size: number
}

export function parseIpv4 (ip: string): number | undefined {
  const parts = ip.split('.')
  if (parts.length !== 4) return undefined
  let n = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined
    const v = Number(p)
    if (v > 255) return undefined
    n = n * 256 + v
  }
  return n
}

export function formatIpv4 (n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

export function parseIpv4Cidr (cidr: string): Ipv4Range {
  const [ip, bitsText] = cidr.split('/')
  const addr = parseIpv4(ip ?? '')
  const bits = Number(bitsText)
  if (addr === undefined || bitsText === undefined || !/^\d+$/.test(bitsText) || bits > 32) throw new Error(`invalid IPv4 CIDR ${JSON.stringify(cidr)}`)
  const size = 2 ** (32 - bits)
  const base = addr - (addr % size)
  return { cidr: `${formatIpv4(base)}/${bits}`, base, size }
}

export function rangeContains (r: Ipv4Range, ip: number): boolean {
  return ip >= r.base && ip < r.base + r.size
}
