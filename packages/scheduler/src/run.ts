// run() lives in server.ts; this module keeps the original import path working.
export { run, LeaderElectionLostError } from './server.js'
export type { RunDeps } from './server.js'
