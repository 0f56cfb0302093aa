import { Writable } from 'node:stream'
import { createLogger, levelFromVerbosity } from './create-logger.js'

function capture (): { stream: Writable, lines: () => string[] } {
  const chunks: string[] = []
  const stream = new Writable({ write (chunk, _enc, cb) { chunks.push(String(chunk)); cb() } })
  return { stream, lines: () => chunks.join('').split('\n').filter(l => l !== '') }
}

describe('createLogger', () => {
  it('writes JSON lines carrying the component name', () => {
    const out = capture()
    const log = createLogger({ component: 'kube-scheduler', destination: out.stream })
    log.info({ pods: 3 }, 'scheduled')
    const line = JSON.parse(out.lines()[0] ?? '{}')
    expect(line).toMatchObject({ component: 'kube-scheduler', msg: 'scheduled', pods: 3, level: 30 })
    expect(typeof line.time).toBe('string')
  })

  it.each([
    { name: 'redacts the authorization header of a request', fields: { req: { headers: { authorization: 'Bearer abc' } } }, path: ['req', 'headers', 'authorization'] },
    { name: 'redacts a nested token', fields: { user: { token: 'abc' } }, path: ['user', 'token'] },
    { name: 'redacts a nested password', fields: { basic: { password: 'abc' } }, path: ['basic', 'password'] },
    { name: 'redacts a top-level token', fields: { token: 'abc' }, path: ['token'] },
    { name: 'redacts the data of a Secret logged as object', fields: { object: { kind: 'Secret', metadata: { name: 's' }, data: { k: 'YWJj' } } }, path: ['object', 'data'] },
    { name: 'redacts the stringData of a Secret logged as obj', fields: { obj: { kind: 'Secret', stringData: { k: 'abc' } } }, path: ['obj', 'stringData'] },
    { name: 'redacts data logged under secret regardless of kind', fields: { secret: { data: { k: 'YWJj' } } }, path: ['secret', 'data'] }
  ])('$name', ({ fields, path }) => {
    const out = capture()
    createLogger({ component: 'test', destination: out.stream }).info(fields, 'm')
    let value: unknown = JSON.parse(out.lines()[0] ?? '{}')
    for (const p of path) value = (value as Record<string, unknown>)[p]
    expect(value).toBe('[REDACTED]')
    expect(out.lines()[0]).not.toContain('abc')
  })

  it('leaves the data of a ConfigMap visible', () => {
    const out = capture()
    createLogger({ component: 'test', destination: out.stream }).info({ object: { kind: 'ConfigMap', data: { k: 'visible' } } }, 'm')
    expect(out.lines()[0]).toContain('visible')
  })

  it('does not mutate the logged object while redacting', () => {
    const out = capture()
    const secret = { kind: 'Secret', data: { k: 'abc' } }
    createLogger({ component: 'test', destination: out.stream }).info({ object: secret }, 'm')
    expect(secret.data.k).toBe('abc')
  })

  it('serializes errors under err with message and stack', () => {
    const out = capture()
    createLogger({ component: 'test', destination: out.stream }).error({ err: new Error('boom') }, 'failed')
    const line = JSON.parse(out.lines()[0] ?? '{}')
    expect(line.err.message).toBe('boom')
    expect(line.err.stack).toContain('Error: boom')
  })

  it('drops lines below the configured level', () => {
    const out = capture()
    const log = createLogger({ component: 'test', level: 'warn', destination: out.stream })
    log.info('hidden')
    log.warn('shown')
    expect(out.lines()).toHaveLength(1)
  })

  it('writes human-readable text for the text format', () => {
    const out = capture()
    createLogger({ component: 'kubelet', format: 'text', destination: out.stream as unknown as never }).info({ node: 'n1' }, 'registered node')
    const text = out.lines().join('\n')
    expect(text).toContain('INFO')
    expect(text).toContain('registered node')
    expect(text).toContain('node: "n1"')
    expect(() => JSON.parse(out.lines()[0] ?? '')).toThrow()
  })
})

describe('levelFromVerbosity', () => {
  it.each([
    { v: 0, level: 'info' }, { v: 1, level: 'info' }, { v: 2, level: 'debug' }, { v: 4, level: 'debug' }, { v: 5, level: 'trace' }, { v: 10, level: 'trace' }
  ])('maps -v=$v to $level', ({ v, level }) => {
    expect(levelFromVerbosity(v)).toBe(level)
  })
})
