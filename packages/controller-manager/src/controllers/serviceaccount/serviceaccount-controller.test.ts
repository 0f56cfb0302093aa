import type { Namespace, ServiceAccount } from 'kubernetes-types/core/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import { FakeInformerFactory } from '../../controller-utils/testing/fake-informers.js'
import { ServiceAccountController } from './serviceaccount-controller.js'

const ns = (name: string, phase = 'Active'): Namespace => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, status: { phase } })
const sa = (namespace: string, name: string): ServiceAccount => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } })

describe('ServiceAccountController.sync', () => {
  it.each<{ name: string, namespaces: Namespace[], accounts: ServiceAccount[], want: string[] }>([
    { name: 'creates the default account in a new namespace', namespaces: [ns('team')], accounts: [], want: ['create serviceaccounts team/default'] },
    { name: 'leaves a namespace that already has it alone', namespaces: [ns('team')], accounts: [sa('team', 'default')], want: [] },
    { name: 'does not create accounts in a terminating namespace', namespaces: [ns('team', 'Terminating')], accounts: [], want: [] },
    { name: 'ignores a namespace that no longer exists', namespaces: [], accounts: [], want: [] }
  ])('$name', async ({ namespaces, accounts, want }) => {
    const client = new FakeClient(() => 0)
    const f = new FakeInformerFactory({ namespaces, serviceaccounts: accounts })
    const c = new ServiceAccountController({ client, namespaceInformer: f.forResource(resources.namespaces), serviceAccountInformer: f.forResource(resources.serviceAccounts), logger: noopLogger, clock: new FakeClock(0) })
    await c.sync('team')
    expect(client.actions.map((a) => `${a.verb} ${a.resource} ${a.namespace}/${(a.object as ServiceAccount | undefined)?.metadata?.name ?? a.name ?? ''}`)).toEqual(want)
  })
})
