// KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1), the parts this scheduler honours.

export interface PluginRef { name: string, weight?: number }
export interface PluginSet { enabled?: PluginRef[], disabled?: PluginRef[] }

export const EXTENSION_POINTS = ['preFilter', 'filter', 'postFilter', 'preScore', 'score', 'reserve', 'permit', 'bind'] as const
export type ExtensionPoint = typeof EXTENSION_POINTS[number]

export type Plugins = { multiPoint?: PluginSet, queueSort?: PluginSet, preEnqueue?: PluginSet } & { [P in ExtensionPoint]?: PluginSet }

export interface Profile {
  schedulerName: string
  percentageOfNodesToScore?: number
  plugins?: Plugins
  pluginConfig?: Array<{ name: string, args?: Record<string, unknown> }>
}

export interface SchedulerConfiguration {
  apiVersion: string
  kind: 'KubeSchedulerConfiguration'
  /** 0 = adaptive (upstream default). */
  percentageOfNodesToScore: number
  podInitialBackoffSeconds: number
  podMaxBackoffSeconds: number
  parallelism: number
  profiles: Profile[]
}

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'
export const CONFIG_API_VERSION = 'kubescheduler.config.k8s.io/v1'

/** Upstream v1 default multi-point plugins and score weights (volume plugins omitted: no volume support here). */
export const DEFAULT_MULTI_POINT: PluginRef[] = [
  { name: 'PrioritySort' },
  { name: 'NodeUnschedulable' },
  { name: 'NodeName' },
  { name: 'TaintToleration', weight: 3 },
  { name: 'NodeAffinity', weight: 2 },
  { name: 'NodePorts' },
  { name: 'NodeResourcesFit', weight: 1 },
  { name: 'PodTopologySpread', weight: 2 },
  { name: 'InterPodAffinity', weight: 2 },
  { name: 'DefaultPreemption' },
  { name: 'NodeResourcesBalancedAllocation', weight: 1 },
  { name: 'ImageLocality', weight: 1 },
  { name: 'DefaultBinder' }
]
