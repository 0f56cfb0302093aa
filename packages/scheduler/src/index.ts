// Public surface of @kube-ts/scheduler: the command, the embeddable run() and its options.
export { createSchedulerCommand } from './command.js'
export { run } from './run.js'
export { optionsFromFlags, validateOptions } from './options.js'
export type { SchedulerOptions } from './options.js'
