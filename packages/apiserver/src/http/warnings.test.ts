import { ServerResponse, IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { addWarning, maxWarningRunes, truncatedWarningRunes } from './warnings.js'

function response (): ServerResponse {
  return new ServerResponse(new IncomingMessage(new Socket()))
}

describe('addWarning', () => {
  it.each([
    { name: 'texts are quoted with only quotes and backslashes escaped', texts: ['unknown field "a\\b"'], header: ['299 - "unknown field \\"a\\\\b\\""'] },
    { name: 'a repeated text is sent once', texts: ['x', 'y', 'x'], header: ['299 - "x"', '299 - "y"'] },
    { name: 'texts with control characters are dropped', texts: ['a\nb', 'ok'], header: ['299 - "ok"'] },
    { name: 'non-ASCII text travels as its UTF-8 bytes', texts: ['unknown field "日本"'], header: [`299 - ${Buffer.from('"unknown field \\"日本\\""').toString('latin1')}`] }
  ])('$name', ({ texts, header }) => {
    const res = response()
    for (const t of texts) addWarning(res, t)
    expect(res.getHeader('Warning')).toEqual(header)
  })

  it('past the total limit, every text is cut short and later ones stop', () => {
    const res = response()
    const long = (c: string): string => c.repeat(1000)
    for (const c of 'abcdefgh') addWarning(res, long(c))
    const lines = res.getHeader('Warning') as string[]
    expect(lines.every((l) => l.length <= truncatedWarningRunes + 8)).toBe(true)
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(maxWarningRunes / truncatedWarningRunes) + 1)
    expect(lines[0]).toBe(`299 - "${'a'.repeat(truncatedWarningRunes)}"`)
  })
})
