// Public surface of @kube-ts/scheduler: the command, the embeddable run() and its options, and the framework pieces.
export { createSchedulerCommand } from './command.js'
export { run, LeaderElectionLostError } from './server.js'
export type { RunDeps } from './server.js'
export { optionsFromFlags, validateOptions } from './options.js'
export type { SchedulerOptions } from './options.js'
export { parseConfig, loadConfig, defaultConfig, InvalidConfigError } from './config/load-config.js'
export type { SchedulerConfiguration, Profile } from './config/types.js'
export { numFeasibleNodesToFind } from './find-nodes.js'
