// Public surface of @kube-ts/kube-proxy: the command, the embeddable run() and its options.
export { createKubeProxyCommand } from './command.js'
export { run } from './run.js'
export { optionsFromFlags, validateOptions } from './options.js'
export type { HostPort, KubeProxyOptions } from './options.js'
