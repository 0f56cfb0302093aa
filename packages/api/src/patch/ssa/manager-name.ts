/** Upstream's `FieldManagerMaxLength`: a fieldManager (or a name derived from the User-Agent) is at most 128 bytes. */
export const fieldManagerMaxLength = 128

/** Recorded when neither a fieldManager nor a usable User-Agent names the writer (buildmanagerinfo.go). */
export const unknownManager = 'unknown'

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space only
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u

/**
 * The manager a non-apply write is recorded under (create.go `managerOrUserAgent`): the fieldManager query
 * parameter when given, else the User-Agent up to its first `/` (so `kubectl/v1.32.4 (linux/amd64) …` is
 * `kubectl`) with non-printable characters dropped and cut to 128 bytes; `unknown` when that leaves nothing.
 */
export function managerOrUserAgent (fieldManager: string | undefined, userAgent: string | undefined): string {
  if (fieldManager !== undefined && fieldManager !== '') return fieldManager
  const prefix = (userAgent ?? '').split('/')[0] ?? ''
  let out = ''
  let bytes = 0
  for (const ch of prefix) {
    if (!printable.test(ch)) continue
    const size = Buffer.byteLength(ch, 'utf8')
    if (bytes + size > fieldManagerMaxLength) break
    out += ch
    bytes += size
  }
  return out === '' ? unknownManager : out
}
