/** One entry of an Accept header: the media type (lower-cased) and its parameters. */
export interface MediaRange { type: string, params: Record<string, string> }

export function parseAccept (header: string | undefined): MediaRange[] {
  if (header === undefined || header.trim() === '') return []
  return header.split(',').map((part) => {
    const [type = '', ...rest] = part.split(';')
    const params: Record<string, string> = {}
    for (const p of rest) {
      const eq = p.indexOf('=')
      if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim()
    }
    return { type: type.trim().toLowerCase(), params }
  })
}
