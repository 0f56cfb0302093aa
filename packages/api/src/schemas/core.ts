import type { ResourceSchema } from '../schema/resource-schema.js'
import { namespaceSchema, nodeSchema } from './core-cluster.js'
import { configMapSchema, secretSchema, serviceAccountSchema } from './core-config.js'
import { coreEventSchema } from './core-events.js'
import { podSchema } from './core-pods.js'
import { endpointsSchema, serviceSchema } from './core-services.js'
import { limitRangeSchema, persistentVolumeClaimSchema, persistentVolumeSchema, resourceQuotaSchema } from './core-storage.js'
import { podTemplateSchema, replicationControllerSchema } from './core-workloads.js'

/** core/v1, in upstream's alphabetical discovery order. */
export const coreSchemas: ResourceSchema[] = [
  configMapSchema,
  endpointsSchema,
  coreEventSchema,
  limitRangeSchema,
  namespaceSchema,
  nodeSchema,
  persistentVolumeClaimSchema,
  persistentVolumeSchema,
  podSchema,
  podTemplateSchema,
  replicationControllerSchema,
  resourceQuotaSchema,
  secretSchema,
  serviceAccountSchema,
  serviceSchema
]
