/** A binary min-heap keyed by string, with removal and in-place update (the active queue's storage). */
export class KeyedHeap<T> {
  private readonly items: Array<{ key: string, value: T }> = []
  private readonly index = new Map<string, number>()

  constructor (private readonly less: (a: T, b: T) => boolean) {}

  get size (): number { return this.items.length }
  has (key: string): boolean { return this.index.has(key) }
  get (key: string): T | undefined {
    const i = this.index.get(key)
    return i === undefined ? undefined : this.items[i]?.value
  }

  /** Adds or replaces. */
  push (key: string, value: T): void {
    const i = this.index.get(key)
    if (i !== undefined) {
      (this.items[i] as { value: T }).value = value
      this.up(i)
      this.down(i)
      return
    }
    this.items.push({ key, value })
    this.index.set(key, this.items.length - 1)
    this.up(this.items.length - 1)
  }

  peek (): T | undefined { return this.items[0]?.value }

  pop (): T | undefined {
    const top = this.items[0]
    if (top === undefined) return undefined
    this.removeAt(0)
    return top.value
  }

  delete (key: string): boolean {
    const i = this.index.get(key)
    if (i === undefined) return false
    this.removeAt(i)
    return true
  }

  values (): T[] { return this.items.map(i => i.value) }

  private removeAt (i: number): void {
    const last = this.items.length - 1
    this.swap(i, last)
    const gone = this.items.pop() as { key: string }
    this.index.delete(gone.key)
    if (i < this.items.length) { this.up(i); this.down(i) }
  }

  private swap (i: number, j: number): void {
    if (i === j) return
    const a = this.items[i] as { key: string, value: T }
    const b = this.items[j] as { key: string, value: T }
    this.items[i] = b
    this.items[j] = a
    this.index.set(b.key, i)
    this.index.set(a.key, j)
  }

  private lessAt (i: number, j: number): boolean {
    return this.less((this.items[i] as { value: T }).value, (this.items[j] as { value: T }).value)
  }

  private up (i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.lessAt(i, parent)) return
      this.swap(i, parent)
      i = parent
    }
  }

  private down (i: number): void {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < this.items.length && this.lessAt(l, m)) m = l
      if (r < this.items.length && this.lessAt(r, m)) m = r
      if (m === i) return
      this.swap(i, m)
      i = m
    }
  }
}
