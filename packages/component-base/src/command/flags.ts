import { isIP } from 'node:net'
import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import type { LogFormat } from '../logger/create-logger.js'

const truthy = new Set(['1', 't', 'T', 'true', 'TRUE', 'True'])
const falsy = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False'])

/** Go's strconv.ParseBool, so `--leader-elect=false` works as with upstream pflag. */
export function parseBoolFlag (value: string): boolean {
  if (truthy.has(value)) return true
  if (falsy.has(value)) return false
  throw new InvalidArgumentError(`strconv.ParseBool: parsing "${value}": invalid syntax`)
}

export function parseIntFlag (value: string): number {
  if (!/^[-+]?\d+$/.test(value)) throw new InvalidArgumentError(`strconv.ParseInt: parsing "${value}": invalid syntax`)
  return Number(value)
}

export function parseFloatFlag (value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`strconv.ParseFloat: parsing "${value}": invalid syntax`)
  return n
}

export function parsePortFlag (value: string): number {
  const n = parseIntFlag(value)
  if (n < 0 || n > 65535) throw new InvalidArgumentError(`port ${value} is outside 0-65535`)
  return n
}

/** `host:port` (`0.0.0.0:10256`, `[::1]:10249`), as kube-proxy's bind-address flags take. */
export function parseHostPortFlag (value: string): { host: string, port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(value)
  if (m === null) throw new InvalidArgumentError(`"${value}" is not a host:port address`)
  const port = Number(m[3])
  if (port > 65535) throw new InvalidArgumentError(`port ${port} is outside 0-65535`)
  const host = m[1] ?? m[2] ?? ''
  return { host: host === '' ? '0.0.0.0' : host, port }
}

/** Comma-separated list (`--controllers=*,-bootstrapsigner`); empty items are dropped. */
export function parseStringList (value: string): string[] {
  return value.split(',').map(s => s.trim()).filter(s => s !== '')
}

/**
 * Adds a pflag-style boolean: `--name`, `--name=true|false`. Commander's own booleans cannot take `=false`,
 * which upstream scripts and unit files use.
 */
export function addBoolFlag (cmd: Command, name: string, description: string, defaultValue: boolean, env?: string): Command {
  const opt = new Option(`--${name} [bool]`, description).argParser(parseBoolFlag).default(defaultValue)
  if (env !== undefined) opt.env(env)
  return cmd.addOption(opt)
}

export interface LoggingFlags {
  logFormat: LogFormat
  v: number
}

/** `--log-format json|text` (upstream `--logging-format`, accepted as a hidden alias) and klog's `-v`. */
export function addLoggingFlags (cmd: Command): Command {
  cmd.addOption(new Option('--log-format <format>', 'Sets the log format. Permitted formats: "json", "text".')
    .choices(['json', 'text']).default('json').env('KUBE_TS_LOG_FORMAT'))
  cmd.addOption(new Option('--logging-format <format>', 'Alias of --log-format (upstream flag name).')
    .choices(['json', 'text']).hideHelp())
  cmd.addOption(new Option('-v, --v <level>', 'Number for the log level verbosity (0-10); 4 and above logs per-object detail.')
    .argParser(parseIntFlag).default(0).env('KUBE_TS_V'))
  return cmd
}

/** Reads the logging flags back from commander's raw options (the alias wins when given). */
export function loggingFlagsFrom (raw: Record<string, unknown>): LoggingFlags {
  const format = (raw.loggingFormat ?? raw.logFormat ?? 'json') as LogFormat
  const v = typeof raw.v === 'number' ? raw.v : 0
  return { logFormat: format, v }
}

/** `10.244.0.0/16` or `fd00::/64`: an IP and a prefix length that fits it. */
export function isValidCidr (value: string): boolean {
  const i = value.indexOf('/')
  if (i < 0) return false
  const family = isIP(value.slice(0, i))
  const bits = value.slice(i + 1)
  if (family === 0 || !/^\d{1,3}$/.test(bits)) return false
  return Number(bits) <= (family === 4 ? 32 : 128)
}

export function isValidIp (value: string): boolean {
  return isIP(value) !== 0
}
