// Public surface of @kube-ts/kubelet: the command, the embeddable run() and its options.
export { createKubeletCommand } from './command.js'
export { run } from './run.js'
export { optionsFromFlags, parseLabels, validateOptions } from './options.js'
export type { KubeletOptions } from './options.js'
