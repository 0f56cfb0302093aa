/** The exclusive end of the etcd range covering every key that starts with `prefix` (etcd's "prefix end"). */
export function prefixEnd (prefix: string | Buffer): Buffer {
  const b = Buffer.from(prefix)
  for (let i = b.length - 1; i >= 0; i--) {
    if ((b[i] ?? 0xff) < 0xff) {
      const end = Buffer.from(b.subarray(0, i + 1))
      end[i] = (end[i] ?? 0) + 1
      return end
    }
  }
  // all 0xff: range to the end of the keyspace
  return Buffer.from([0])
}
