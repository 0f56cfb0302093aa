import { EventEmitter } from 'node:events'
import { Command, InvalidArgumentError } from 'commander'
import { runCommand } from './run-command.js'
import type { CommandContext, ProcessLike } from './run-command.js'
import { InvalidOptionsError, KubeTsError } from '../errors.js'
import { parseDuration } from '../duration/parse-duration.js'

class FakeProcess extends EventEmitter {
  exitCode: number | undefined
  exits: number[] = []
  constructor (readonly argv: string[]) { super() }
  exit (code: number): never { this.exits.push(code); return undefined as never }
}

function fake (...args: string[]): FakeProcess & ProcessLike {
  return new FakeProcess(['node', 'main.js', ...args]) as FakeProcess & ProcessLike
}

function quiet (cmd: Command): Command {
  return cmd.configureOutput({ writeOut: () => {}, writeErr: () => {} })
}

describe('runCommand', () => {
  let stderr: jest.SpyInstance
  beforeEach(() => { stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true) })
  afterEach(() => { stderr.mockRestore() })

  it.each([
    { name: 'exits 0 when the action resolves', action: async () => {}, args: [], code: 0 },
    { name: 'exits 0 for --help', action: async () => {}, args: ['--help'], code: 0 },
    { name: 'exits 2 for an unknown flag', action: async () => {}, args: ['--nope'], code: 2 },
    { name: 'exits 2 when an argParser rejects a value', action: async () => {}, args: ['--period=abc'], code: 2 },
    { name: 'exits 2 for invalid options found by validation', action: async () => { throw new InvalidOptionsError(['--a is bad', '--b is bad']) }, args: [], code: 2 },
    { name: 'exits 1 for a KubeTsError', action: async () => { throw new KubeTsError('ERR_KUBE_TS_X', 'broken') }, args: [], code: 1 },
    { name: 'exits 1 for any other error', action: async () => { throw new Error('boom') }, args: [], code: 1 }
  ])('$name', async ({ action, args, code }) => {
    const proc = fake(...args)
    const got = await runCommand(() => quiet(new Command('test').option('--period <d>', 'a duration', parseDuration).action(action)), proc)
    expect(got).toBe(code)
    expect(proc.exitCode).toBe(code)
  })

  it('prints every validation problem on stderr', async () => {
    await runCommand(() => quiet(new Command('t').action(async () => { throw new InvalidOptionsError(['first', 'second']) })), fake())
    const text = stderr.mock.calls.map(c => String(c[0])).join('')
    expect(text).toContain('first')
    expect(text).toContain('second')
  })

  it('aborts the signal on the first SIGTERM and exits 0 when the action stops because of it', async () => {
    const proc = fake()
    let seen: AbortSignal | undefined
    const done = runCommand((ctx: CommandContext) => quiet(new Command('t').action(async () => {
      seen = ctx.signal
      await new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)))
    })), proc)
    await new Promise(resolve => setImmediate(resolve))
    proc.emit('SIGTERM')
    expect(await done).toBe(0)
    expect(seen?.aborted).toBe(true)
    expect(proc.exits).toEqual([])
  })

  it('exits 1 immediately on a second signal', async () => {
    const proc = fake()
    let release = (): void => {}
    const done = runCommand(() => quiet(new Command('t').action(async () => { await new Promise<void>(resolve => { release = resolve }) })), proc)
    await new Promise(resolve => setImmediate(resolve))
    proc.emit('SIGINT')
    proc.emit('SIGINT')
    expect(proc.exits).toEqual([1])
    release()
    await done
  })

  it('removes its signal listeners when done', async () => {
    const proc = fake()
    await runCommand(() => quiet(new Command('t').action(async () => {})), proc)
    expect(proc.listenerCount('SIGINT')).toBe(0)
    expect(proc.listenerCount('SIGTERM')).toBe(0)
  })

  it('treats an InvalidArgumentError thrown from an action as a usage error', async () => {
    const got = await runCommand(() => quiet(new Command('t').action(async () => { throw new InvalidArgumentError('x') })), fake())
    expect(got).toBe(2)
  })
})
