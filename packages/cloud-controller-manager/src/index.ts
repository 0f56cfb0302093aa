// Public surface of @kube-ts/cloud-controller-manager: the command, the embeddable run() and its options.
export { createCloudControllerManagerCommand } from './command.js'
export { run } from './run.js'
export { knownControllers, optionsFromFlags, validateOptions } from './options.js'
export type { CloudControllerManagerOptions } from './options.js'
