import { findUnknownFields } from '../../openapi/unknown-fields.js'
import { configmaps } from './fixtures.js'
import { newTestApp, type TestApp } from './test-app.js'

export const cmPath = '/api/v1/namespaces/default/configmaps'
export const deployPath = '/apis/apps/v1/namespaces/default/deployments'

/** A test app with server-side field validation on and ConfigMap `a` (`data: {k: v}`) stored in `default`. */
export function fieldValidationApp (): TestApp {
  const t = newTestApp({ unknownFields: findUnknownFields })
  t.store.seed({ schema: configmaps, namespace: 'default' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } })
  return t
}
