/**
 * The logging surface @kube-ts/client needs: a pino-compatible subset (Temporal's injected Logger), so this package
 * does not depend on pino. Pass a pino logger or its child; `noopLogger` for silence.
 */
export interface LogFn {
  (obj: object, msg?: string): void
  (msg: string): void
}

export interface Logger {
  trace: LogFn
  debug: LogFn
  info: LogFn
  warn: LogFn
  error: LogFn
  child: (bindings: Record<string, unknown>) => Logger
}

const noop = (): void => {}

export const noopLogger: Logger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => noopLogger
}
