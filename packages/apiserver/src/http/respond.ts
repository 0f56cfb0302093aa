import type { ServerResponse } from 'node:http'

/**
 * Writes a complete JSON response with an exact Content-Type (express would append a charset, and aggregated
 * discovery needs its parameters verbatim). Does nothing once headers went out (a timed-out request's late reply).
 */
export function writeJson (res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  if (res.headersSent || res.writableEnded) return
  const text = JSON.stringify(body)
  res.statusCode = code
  res.setHeader('Content-Type', contentType)
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.setHeader('Cache-Control', 'no-cache, private')
  res.end(text)
}

export function writeText (res: ServerResponse, code: number, text: string): void {
  if (res.headersSent || res.writableEnded) return
  res.statusCode = code
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(text)
}
