import { randomInt } from 'node:crypto'
import { formatIpv4, parseIpv4, parseIpv4Cidr, rangeContains, type Ipv4Range } from './ipv4-range.js'

export class AllocationError extends Error {}

/**
 * Hands out service cluster IPs from one IPv4 range. The network and broadcast addresses are never used, and the
 * first host address (`.1`) is only given to whoever asks for it by name: it belongs to the `kubernetes` service.
 */
export class ClusterIpAllocator {
  readonly range: Ipv4Range
  private readonly used = new Set<number>()

  constructor (cidr: string, private readonly random: (max: number) => number = randomInt) {
    this.range = parseIpv4Cidr(cidr)
  }

  /** Reserves a specific address (user-requested or loaded from storage). */
  allocate (ip: string): void {
    const n = parseIpv4(ip)
    if (n === undefined || !rangeContains(this.range, n) || n === this.range.base || n === this.range.base + this.range.size - 1) {
      throw new AllocationError(`provided IP is not in the valid range. The range of valid IPs is ${this.range.cidr}`)
    }
    if (this.used.has(n)) throw new AllocationError('provided IP is already allocated')
    this.used.add(n)
  }

  /** Picks a free address: a random start then a linear probe, so a nearly full range still terminates. */
  allocateNext (): string {
    const first = this.range.base + 2
    const count = this.range.size - 3
    if (count <= 0) throw new AllocationError('range is full')
    const start = this.random(count)
    for (let i = 0; i < count; i++) {
      const n = first + ((start + i) % count)
      if (!this.used.has(n)) {
        this.used.add(n)
        return formatIpv4(n)
      }
    }
    throw new AllocationError('range is full')
  }

  release (ip: string): void {
    const n = parseIpv4(ip)
    if (n !== undefined) this.used.delete(n)
  }

  has (ip: string): boolean {
    const n = parseIpv4(ip)
    return n !== undefined && this.used.has(n)
  }
}
