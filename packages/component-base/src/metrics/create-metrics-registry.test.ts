import { createMetricsRegistry } from './create-metrics-registry.js'

describe('createMetricsRegistry', () => {
  it('includes Node process metrics', async () => {
    const text = await createMetricsRegistry().metrics()
    expect(text).toContain('process_cpu_seconds_total')
    expect(text).toContain('nodejs_heap_size_total_bytes')
  })

  it('gives each call its own registry so daemons do not collide', () => {
    expect(createMetricsRegistry()).not.toBe(createMetricsRegistry())
  })

  it('applies default labels', async () => {
    const text = await createMetricsRegistry({ labels: { component: 'kubelet' } }).metrics()
    expect(text).toMatch(/process_cpu_seconds_total\{component="kubelet"\}/)
  })
})
