import pino from 'pino'
import pretty from 'pino-pretty'
import type { DestinationStream, Level, Logger } from 'pino'
import { redactPaths, REDACTED, secretSerializers } from './redaction.js'

export type LogFormat = 'json' | 'text'

export interface LoggerOptions {
  level?: Level | 'silent'
  format?: LogFormat
  /** Upstream component name (`kube-scheduler`); becomes the `component` field of every line. */
  component: string
  /** Where lines go; stdout when omitted. Tests pass a stream to capture output. */
  destination?: DestinationStream
}

/**
 * The root logger of a daemon: JSON lines on stdout, or pino-pretty colourless text for humans. Credentials and Secret
 * payloads are redacted (see redaction.ts for the exact paths). Only `runCommand` callers create one; everything
 * below receives it and derives children.
 */
export function createLogger (opts: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level: opts.level ?? 'info',
    base: { component: opts.component, pid: process.pid },
    redact: { paths: redactPaths, censor: REDACTED },
    serializers: { err: pino.stdSerializers.err, ...secretSerializers() },
    timestamp: pino.stdTimeFunctions.isoTime
  }
  if (opts.format === 'text') {
    // pino-pretty as an in-process stream (not a worker transport) so flush-on-exit stays synchronous.
    const stream = pretty({ colorize: false, sync: true, destination: opts.destination ?? 1, ignore: 'pid,hostname' })
    return pino(options, stream)
  }
  return pino(options, opts.destination ?? pino.destination({ dest: 1, sync: false }))
}

/** Maps klog's `-v` verbosity to a pino level: 0-1 info, 2-4 debug (upstream V(4) is per-object chatter), 5+ trace. */
export function levelFromVerbosity (v: number): Level {
  if (v >= 5) return 'trace'
  if (v >= 2) return 'debug'
  return 'info'
}

/** Flushes buffered lines; resolves even if the stream cannot flush (nothing useful to do about it at exit). */
export async function flushLogger (logger: Logger): Promise<void> {
  await new Promise<void>((resolve) => {
    try {
      logger.flush((err) => { void err; resolve() })
    } catch {
      resolve()
    }
  })
}
