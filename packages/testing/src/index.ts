// Public surface of @kube-ts/testing. No jest imports here: daemons' own test helpers and scripts use it too.
export { startEtcd } from './etcd-harness.js'
export type { EtcdHandle, EtcdHarnessOptions } from './etcd-harness.js'
export { freePort } from './free-port.js'
export { FakeClock, systemClock } from './fake-clock.js'
export type { Clock, TimerHandle } from './fake-clock.js'
export { FakeClient, FakeResourceClient } from './fake-client.js'
export type { FakeAction, FakeReactor, FakeResourceDescriptor, FakeVerb } from './fake-client.js'
