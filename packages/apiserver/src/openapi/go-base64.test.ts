import { base64ErrorOffset } from './go-base64.js'

describe('base64ErrorOffset (Go StdEncoding)', () => {
  it.each([
    { name: 'valid padded data decodes', input: 'aGVsbG8=', want: undefined },
    { name: 'an empty string decodes', input: '', want: undefined },
    { name: 'newlines inside the data are skipped', input: 'aGVs\nbG8=\n', want: undefined },
    { name: 'plain text fails at its first space', input: 'not base64!', want: 3 },
    { name: 'missing padding fails at the start of the last quantum', input: 'aGVsbG8', want: 4 },
    { name: 'a lone padding character fails where it stands', input: 'a===', want: 1 },
    { name: 'one "=" where two are needed fails at the end', input: 'aG=', want: 3 },
    { name: 'data after the padding fails at its first byte', input: 'aGk=aGk=', want: 4 }
  ])('$name', ({ input, want }) => {
    expect(base64ErrorOffset(input)).toBe(want)
  })
})
