// Public surface of @kube-ts/component-base: what every daemon's main and server use (STYLE.md 2.6).
export { runCommand, ExitCode } from './command/run-command.js'
export type { CommandContext, ProcessLike } from './command/run-command.js'
export { addBoolFlag, addLoggingFlags, isValidCidr, isValidIp, loggingFlagsFrom, parseBoolFlag, parseFloatFlag, parseHostPortFlag, parseIntFlag, parsePortFlag, parseStringList } from './command/flags.js'
export {
  addClientConnectionFlags, addDurationFlag, addEnvToAllFlags, addIntFlag, addKubeconfigFlags, addLeaderElectionFlags,
  leaderElectionFrom, validateLeaderElection
} from './command/common-flags.js'
export type { LeaderElectionFlags } from './command/common-flags.js'
export { runSkeleton } from './command/skeleton.js'
export type { SkeletonOptions } from './command/skeleton.js'
export type { LoggingFlags } from './command/flags.js'
export { createLogger, flushLogger, levelFromVerbosity } from './logger/create-logger.js'
export type { LogFormat, LoggerOptions } from './logger/create-logger.js'
export { redactPaths, redactSecretPayload, REDACTED } from './logger/redaction.js'
export { parseDuration, parseNonNegativeDuration, formatDuration } from './duration/parse-duration.js'
export { startHealthServer } from './health/health-server.js'
export type { HealthServer, HealthServerOptions } from './health/health-server.js'
export type { HealthCheck } from './health/health-checks.js'
export { createMetricsRegistry } from './metrics/create-metrics-registry.js'
export { KubeTsError, InvalidOptionsError, LeaderElectionLostError, NotImplementedError, isAbortError, isInvalidOptionsError } from './errors.js'
