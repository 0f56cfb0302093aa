import type { Registry } from 'prom-client'
import type { Clock, Logger } from '@kube-ts/client'
import type { EventRecorder } from '../controller-utils/events.js'
import type { InformerFactory } from '../controller-utils/informer-types.js'
import type { KubeClient } from '../controller-utils/kube-client.js'
import type { Options } from '../options.js'

/** Everything a controller's start function gets (upstream's ControllerContext). */
export interface ControllerContext {
  /** A client whose user agent names the controller, as upstream's ClientBuilder.ClientOrDie(name). */
  clientFor: (controllerName: string) => KubeClient
  informerFactory: InformerFactory
  /** An event recorder whose source component is `component` (e.g. `replicaset-controller`). */
  recorderFor: (component: string) => EventRecorder
  logger: Logger
  clock: Clock
  options: Options
  /** Where controllers register their own metrics; work queues register theirs here too. */
  registry: Registry
  /** Aborted when the controller-manager stops or loses its lease. */
  signal: AbortSignal
}
