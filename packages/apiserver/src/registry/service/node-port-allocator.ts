import { randomInt } from 'node:crypto'
import { AllocationError } from './cluster-ip-allocator.js'

export interface PortRange { min: number, max: number }

export const DEFAULT_NODE_PORT_RANGE: PortRange = { min: 30000, max: 32767 }

/** Hands out NodePorts from `--service-node-port-range`. */
export class NodePortAllocator {
  private readonly used = new Set<number>()

  constructor (readonly range: PortRange = DEFAULT_NODE_PORT_RANGE, private readonly random: (max: number) => number = randomInt) {}

  allocate (port: number): void {
    if (!Number.isInteger(port) || port < this.range.min || port > this.range.max) {
      throw new AllocationError(`provided port is not in the valid range. The range of valid ports is ${this.range.min}-${this.range.max}`)
    }
    if (this.used.has(port)) throw new AllocationError('provided port is already allocated')
    this.used.add(port)
  }

  allocateNext (): number {
    const count = this.range.max - this.range.min + 1
    const start = this.random(count)
    for (let i = 0; i < count; i++) {
      const p = this.range.min + ((start + i) % count)
      if (!this.used.has(p)) {
        this.used.add(p)
        return p
      }
    }
    throw new AllocationError('range is full')
  }

  release (port: number): void {
    this.used.delete(port)
  }

  has (port: number): boolean {
    return this.used.has(port)
  }
}
