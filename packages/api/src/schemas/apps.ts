import type { ResourceSchema } from '../schema/resource-schema.js'
import { deploymentSchema, replicaSetSchema } from './apps-deployments.js'
import { controllerRevisionSchema, daemonSetSchema, statefulSetSchema } from './apps-sets.js'

export const appsSchemas: ResourceSchema[] = [controllerRevisionSchema, daemonSetSchema, deploymentSchema, replicaSetSchema, statefulSetSchema]
