import { eventFromCore, eventToCore } from './event-conversion.js'

describe('event conversion between events.k8s.io/v1 and core/v1', () => {
  const v1 = {
    apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' },
    regarding: { kind: 'Pod', name: 'p' }, note: 'hello', reason: 'Started', type: 'Normal', action: 'Start',
    reportingController: 'kubelet', reportingInstance: 'n1', eventTime: '2026-01-10T11:59:30.000000Z',
    deprecatedCount: 2, deprecatedSource: { component: 'kubelet' }
  }

  it('maps the events.k8s.io fields onto their core names', () => {
    expect(eventToCore(v1)).toEqual({
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'p' }, message: 'hello', reason: 'Started', type: 'Normal', action: 'Start',
      reportingComponent: 'kubelet', reportingInstance: 'n1', eventTime: '2026-01-10T11:59:30.000000Z', count: 2, source: { component: 'kubelet' }
    })
  })

  it('round-trips through the core shape', () => {
    expect(eventFromCore(eventToCore(v1))).toEqual(v1)
  })

  it('leaves an object already in the wanted shape alone', () => {
    const core = eventToCore(v1)
    expect(eventToCore(core)).toBe(core)
    expect(eventFromCore(v1)).toBe(v1)
  })
})
