import { CommanderError } from 'commander'
import type { Command } from 'commander'
import type { Logger } from 'pino'
import { createLogger, flushLogger } from '../logger/create-logger.js'
import type { LoggerOptions } from '../logger/create-logger.js'
import { isAbortError, isInvalidOptionsError } from '../errors.js'

export interface CommandContext {
  /** Aborted by the first SIGINT/SIGTERM; pass it to every long-running await. */
  signal: AbortSignal
  /** Creates the root logger once flags are parsed; runCommand flushes it and logs fatal errors through it. */
  createLogger: (opts: LoggerOptions) => Logger
}

/** Where signals come from and how to die; `process` in production, a fake in tests. */
export interface ProcessLike {
  argv: string[]
  on: (event: 'SIGINT' | 'SIGTERM', fn: () => void) => unknown
  off: (event: 'SIGINT' | 'SIGTERM', fn: () => void) => unknown
  exit: (code: number) => never
  exitCode?: number | string | undefined
}

export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const

/**
 * Runs a daemon's commander command (sample-controller's signals + main): the first SIGINT/SIGTERM aborts
 * `ctx.signal`, a second exits 1 at once. Errors map to exit codes: help/version 0, bad flags or options 2,
 * anything else 1; an abort-caused rejection after a signal counts as a clean shutdown. Logs are flushed and the
 * code is both returned and set as `process.exitCode` (never `process.exit` on the normal path).
 */
export async function runCommand (factory: (ctx: CommandContext) => Command, proc: ProcessLike = process as unknown as ProcessLike): Promise<number> {
  const controller = new AbortController()
  const loggers: Logger[] = []
  let signals = 0
  const onSignal = (): void => {
    signals++
    if (signals > 1) {
      process.stderr.write('received a second termination signal, exiting immediately\n')
      proc.exit(ExitCode.failure)
      return
    }
    loggers[0]?.info('received termination signal, shutting down')
    controller.abort(new DOMException('received termination signal', 'AbortError'))
  }
  proc.on('SIGINT', onSignal)
  proc.on('SIGTERM', onSignal)
  const ctx: CommandContext = {
    signal: controller.signal,
    createLogger: (opts) => { const l = createLogger(opts); loggers.push(l); return l }
  }
  let code: number
  try {
    const cmd = factory(ctx)
    cmd.exitOverride()
    await cmd.parseAsync(proc.argv)
    code = ExitCode.ok
  } catch (err) {
    code = exitCodeFor(err, controller.signal, loggers[0])
  } finally {
    proc.off('SIGINT', onSignal)
    proc.off('SIGTERM', onSignal)
  }
  await Promise.all(loggers.map(flushLogger))
  proc.exitCode = code
  return code
}

function exitCodeFor (err: unknown, signal: AbortSignal, logger: Logger | undefined): number {
  if (err instanceof CommanderError || (err as CommanderError | undefined)?.code?.startsWith?.('commander.') === true) {
    const c = (err as CommanderError).code
    // commander has already printed usage or the error itself to stderr.
    return c === 'commander.helpDisplayed' || c === 'commander.version' || c === 'commander.help' ? ExitCode.ok : ExitCode.usage
  }
  if (isInvalidOptionsError(err)) {
    process.stderr.write(`Error: ${err.message}\n`)
    return ExitCode.usage
  }
  if (signal.aborted && isAbortError(err)) return ExitCode.ok
  logger?.fatal({ err }, 'command failed')
  // Also on stderr: stdout may be a JSON log pipe nobody is reading while a human runs the binary.
  process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`)
  return ExitCode.failure
}
