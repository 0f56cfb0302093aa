import type { Express } from 'express'
import { createApp } from '../../app.js'
import { createApiMetrics } from '../../metrics.js'
import type { ApiMetrics } from '../../metrics.js'
import type { AppDeps } from '../deps.js'
import { defaultPatchEngines } from '../patch-engines.js'
import { FakeRestStore } from './fake-rest-store.js'
import { allTestSchemas } from './fixtures.js'

export interface TestApp { app: Express, store: FakeRestStore, metrics: ApiMetrics, health: { ok: boolean } }

/** createApp over the fake store and fixture schemas; `health.ok` drives the storage health check. */
export function newTestApp (over: Partial<AppDeps> = {}): TestApp {
  const store = new FakeRestStore()
  const metrics = createApiMetrics()
  const health = { ok: true }
  const app = createApp({
    store,
    schemas: allTestSchemas,
    healthy: async () => health.ok,
    patch: defaultPatchEngines(),
    metrics,
    now: () => new Date('2026-11-23T09:00:00Z'),
    ...over
  })
  return { app, store, metrics, health }
}
