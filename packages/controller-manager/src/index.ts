// Public surface of @kube-ts/controller-manager: the command, the embeddable server and its options.
export { createControllerManagerCommand, optionsFromFlags } from './command.js'
export { run, LeaderElectionLostError } from './app/server.js'
export type { RunDeps } from './app/server.js'
export { controllerDescriptors } from './app/controller-descriptors.js'
export type { ControllerDescriptor } from './app/controller-descriptors.js'
export type { ControllerContext } from './app/controller-context.js'
export { defaultOptions, validateOptions } from './options.js'
export type { Options } from './options.js'
