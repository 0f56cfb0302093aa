import { Command } from 'commander'
import { addBoolFlag, addLoggingFlags, isValidCidr, loggingFlagsFrom, parseBoolFlag, parseIntFlag, parsePortFlag, parseStringList } from './flags.js'

function parse (cmd: Command, ...args: string[]): Record<string, unknown> {
  cmd.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} })
  cmd.parse(['node', 'x', ...args])
  return cmd.opts()
}

describe('flag parsers', () => {
  it.each([
    { input: 'true', want: true }, { input: '1', want: true }, { input: 'T', want: true },
    { input: 'false', want: false }, { input: '0', want: false }, { input: 'F', want: false }
  ])('parses the boolean "$input" as Go does', ({ input, want }) => {
    expect(parseBoolFlag(input)).toBe(want)
  })

  it.each(['yes', '', 'on'])('rejects the boolean "%s"', (input) => {
    expect(() => parseBoolFlag(input)).toThrow(/invalid syntax/)
  })

  it('parses integers and rejects fractions', () => {
    expect(parseIntFlag('42')).toBe(42)
    expect(() => parseIntFlag('4.2')).toThrow(/invalid syntax/)
  })

  it('rejects ports out of range', () => {
    expect(parsePortFlag('10259')).toBe(10259)
    expect(() => parsePortFlag('70000')).toThrow(/outside/)
  })

  it('splits comma lists and drops empty items', () => {
    expect(parseStringList('*, -bootstrapsigner,,tokencleaner')).toEqual(['*', '-bootstrapsigner', 'tokencleaner'])
  })
})

describe('addBoolFlag', () => {
  it.each([
    { name: 'uses the default when absent', args: [], want: true },
    { name: 'is true when given bare', args: ['--leader-elect'], want: true },
    { name: 'accepts =false as pflag does', args: ['--leader-elect=false'], want: false },
    { name: 'accepts =true', args: ['--leader-elect=true'], want: true }
  ])('$name', ({ args, want }) => {
    const opts = parse(addBoolFlag(new Command('t'), 'leader-elect', 'Elect a leader.', true), ...args)
    expect(opts.leaderElect).toBe(want)
  })
})

describe('addLoggingFlags', () => {
  it.each([
    { name: 'defaults to json and verbosity 0', args: [], want: { logFormat: 'json', v: 0 } },
    { name: 'reads --log-format=text and -v 4', args: ['--log-format=text', '-v', '4'], want: { logFormat: 'text', v: 4 } },
    { name: 'accepts the upstream --logging-format alias', args: ['--logging-format=text', '--v=2'], want: { logFormat: 'text', v: 2 } }
  ])('$name', ({ args, want }) => {
    expect(loggingFlagsFrom(parse(addLoggingFlags(new Command('t')), ...args))).toEqual(want)
  })

  it('rejects an unknown format', () => {
    expect(() => parse(addLoggingFlags(new Command('t')), '--log-format=xml')).toThrow(/Allowed choices/)
  })
})

describe('isValidCidr', () => {
  it.each([
    { input: '10.244.0.0/16', ok: true }, { input: 'fd00::/64', ok: true }, { input: '10.0.0.0/33', ok: false },
    { input: '10.0.0.0', ok: false }, { input: 'nope/8', ok: false }, { input: '10.0.0.0/x', ok: false }
  ])('$input valid: $ok', ({ input, ok }) => {
    expect(isValidCidr(input)).toBe(ok)
  })
})
