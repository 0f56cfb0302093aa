import { JsonObjectSplitter, readWatchEvents } from './watch-reader.js'
import type { WatchEvent } from './watch-reader.js'

const added = '{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a","resourceVersion":"1"}}}'
const modified = '{"type":"MODIFIED","object":{"kind":"Pod","metadata":{"name":"a","resourceVersion":"2"},"data":"brace } in \\" string {"}}'
const bookmark = '{"type":"BOOKMARK","object":{"kind":"Pod","metadata":{"resourceVersion":"9"}}}'
const gone = '{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}}'

async function * chunks (parts: Array<string | Buffer>): AsyncGenerator<Buffer | string> {
  for (const p of parts) yield p
}

async function collect (parts: Array<string | Buffer>): Promise<Array<WatchEvent<unknown>>> {
  const out: Array<WatchEvent<unknown>> = []
  for await (const e of readWatchEvents(chunks(parts))) out.push(e)
  return out
}

function splitEvery (text: string, n: number): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i += n) out.push(text.slice(i, i + n))
  return out
}

describe('readWatchEvents', () => {
  const stream = `${added}\n${modified}\n${bookmark}\n${gone}\n`

  it.each([
    { name: 'reads one event per chunk', parts: [`${added}\n`, `${modified}\n`, `${bookmark}\n`, `${gone}\n`] },
    { name: 'reads several events in one chunk', parts: [stream] },
    { name: 'reads events split across chunks at every byte', parts: splitEvery(stream, 1) },
    { name: 'reads events split across chunks of seven bytes', parts: splitEvery(stream, 7) },
    { name: 'reads events that arrive without newlines between them', parts: [added + modified, bookmark + gone] },
    { name: 'reads events with CRLF separators', parts: [`${added}\r\n${modified}\r\n${bookmark}\r\n${gone}\r\n`] }
  ])('$name', async ({ parts }) => {
    const events = await collect(parts)
    expect(events.map(e => e.type)).toEqual(['ADDED', 'MODIFIED', 'BOOKMARK', 'ERROR'])
    expect((events[1]?.object as { data: string }).data).toBe('brace } in " string {')
    expect(events[3]?.object).toMatchObject({ reason: 'Expired', code: 410 })
  })

  it('decodes multi-byte UTF-8 characters split between chunks', async () => {
    const bytes = Buffer.from('{"type":"ADDED","object":{"metadata":{"name":"x"},"note":"grüße ✓"}}\n')
    const cut = bytes.indexOf(0xc3) + 1 // inside "ü"
    const events = await collect([bytes.subarray(0, cut), bytes.subarray(cut)])
    expect((events[0]?.object as { note: string }).note).toBe('grüße ✓')
  })

  it.each([
    { name: 'rejects invalid JSON', parts: ['{"type":"ADDED","object":{nope}}\n'], error: /invalid JSON/ },
    { name: 'rejects an unknown event type', parts: ['{"type":"CHANGED","object":{}}\n'], error: /unknown watch event type/ },
    { name: 'rejects an event without an object', parts: ['{"type":"ADDED"}\n'], error: /has no object/ },
    { name: 'rejects text between events', parts: [`${added}\nhello\n`], error: /unexpected "h"/ },
    { name: 'rejects a stream cut in the middle of an event', parts: [added.slice(0, 20)], error: /ended in the middle/ }
  ])('$name', async ({ parts, error }) => {
    await expect(collect(parts)).rejects.toThrow(error)
  })

  it('yields events before a later decoding error', async () => {
    const seen: string[] = []
    await expect((async () => { for await (const e of readWatchEvents(chunks([`${added}\n`, 'garbage']))) seen.push(e.type) })()).rejects.toThrow()
    expect(seen).toEqual(['ADDED'])
  })
})

describe('JsonObjectSplitter', () => {
  it('keeps a partial value until it completes', () => {
    const s = new JsonObjectSplitter()
    expect(s.push('{"a":')).toEqual([])
    expect(s.partial).toBe(true)
    expect(s.push('1}{"b"')).toEqual(['{"a":1}'])
    expect(s.push(':2}')).toEqual(['{"b":2}'])
    expect(s.partial).toBe(false)
  })
})
