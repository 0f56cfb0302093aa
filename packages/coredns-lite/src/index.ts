// Public surface of @kube-ts/coredns-lite: the command, the embeddable run() and its options.
export { createCorednsLiteCommand } from './command.js'
export { run } from './run.js'
export { isUpstreamAddress, optionsFromFlags, validateOptions } from './options.js'
export type { CorednsLiteOptions } from './options.js'
