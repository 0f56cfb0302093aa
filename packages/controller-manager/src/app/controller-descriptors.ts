// The registry of controllers, as upstream's cmd/kube-controller-manager/app (NewControllerDescriptors). Owners of
// other controller folders append their entries to `controllerDescriptors` below; keep one entry per controller.
import type { ControllerContext } from './controller-context.js'
import * as names from '../controllers/names.js'
import { startReplicaSetController, startReplicationController } from '../controllers/replicaset/start.js'
import { startDeploymentController } from '../controllers/deployment/start.js'
import { startJobController } from '../controllers/job/start.js'
import { startTtlAfterFinishedController } from '../controllers/ttlafterfinished/start.js'
import { startCronJobController } from '../controllers/cronjob/start.js'
import { startDaemonSetController } from '../controllers/daemonset/start.js'
import { startEndpointSliceController } from '../controllers/endpointslice/start.js'
import { startEndpointsController } from '../controllers/endpoints/start.js'
import { startNamespaceController } from '../controllers/namespace/start.js'
import { startServiceAccountController } from '../controllers/serviceaccount/start.js'
import { startGarbageCollectorController } from '../controllers/garbagecollector/start.js'
import { startNodeIpamController } from '../controllers/nodeipam/start.js'
import { startNodeLifecycleController, startTaintEvictionController } from '../controllers/nodelifecycle/start.js'
import { startPodGcController } from '../controllers/podgc/start.js'
import { startResourceQuotaController } from '../controllers/resourcequota/start.js'
import { startDisruptionController } from '../controllers/disruption/start.js'
import { startStatefulSetController } from '../controllers/statefulset/start.js'

export interface ControllerDescriptor {
  /** The name `--controllers` selects, e.g. `replicaset-controller`. */
  name: string
  /** Older short names accepted by `--controllers` (upstream: `replicaset`). */
  aliases: string[]
  /** Off unless named explicitly (upstream's ControllersDisabledByDefault, e.g. bootstrap-signer). */
  disabledByDefault?: boolean
  /** Starts the controller; the promise settles when it has stopped (after `ctx.signal` aborts). */
  start: (ctx: ControllerContext) => Promise<void>
}

export const controllerDescriptors: ControllerDescriptor[] = [
  { name: names.ReplicaSetController, aliases: ['replicaset'], start: startReplicaSetController },
  { name: names.ReplicationControllerController, aliases: ['replicationcontroller'], start: startReplicationController },
  { name: names.DeploymentController, aliases: ['deployment'], start: startDeploymentController },
  { name: names.JobController, aliases: ['job'], start: startJobController },
  { name: names.TTLAfterFinishedController, aliases: ['ttl-after-finished'], start: startTtlAfterFinishedController },
  { name: names.CronJobController, aliases: ['cronjob'], start: startCronJobController },
  { name: names.DaemonSetController, aliases: ['daemonset'], start: startDaemonSetController },
  { name: names.StatefulSetController, aliases: ['statefulset'], start: startStatefulSetController },
  { name: names.EndpointsController, aliases: ['endpoint'], start: startEndpointsController },
  { name: names.EndpointSliceController, aliases: ['endpointslice'], start: startEndpointSliceController },
  { name: names.NamespaceController, aliases: ['namespace'], start: startNamespaceController },
  { name: names.ServiceAccountController, aliases: ['serviceaccount'], start: startServiceAccountController },
  { name: names.GarbageCollectorController, aliases: ['garbagecollector'], start: startGarbageCollectorController },
  { name: names.NodeIpamController, aliases: ['nodeipam'], start: startNodeIpamController },
  { name: names.NodeLifecycleController, aliases: ['nodelifecycle'], start: startNodeLifecycleController },
  { name: names.TaintEvictionController, aliases: ['taint-eviction-controller'], start: startTaintEvictionController },
  { name: names.PodGarbageCollectorController, aliases: ['podgc'], start: startPodGcController },
  { name: names.ResourceQuotaController, aliases: ['resourcequota'], start: startResourceQuotaController },
  { name: names.DisruptionController, aliases: ['disruption'], start: startDisruptionController }
]
