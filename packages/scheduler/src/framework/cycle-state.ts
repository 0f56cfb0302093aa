/** Per-attempt scratch space shared by one pod's plugins (upstream CycleState); keys are plugin-owned strings. */
export class CycleState {
  private readonly data = new Map<string, unknown>()
  /** Set when the cycle runs against a snapshot that must not record metrics (preemption dry runs). */
  skipFilterPlugins = new Set<string>()
  skipScorePlugins = new Set<string>()

  read<T> (key: string): T | undefined { return this.data.get(key) as T | undefined }
  write (key: string, value: unknown): void { this.data.set(key, value) }
  delete (key: string): void { this.data.delete(key) }
  clone (): CycleState {
    const c = new CycleState()
    for (const [k, v] of this.data) c.data.set(k, typeof (v as { clone?: unknown })?.clone === 'function' ? (v as { clone: () => unknown }).clone() : v)
    c.skipFilterPlugins = new Set(this.skipFilterPlugins)
    c.skipScorePlugins = new Set(this.skipScorePlugins)
    return c
  }
}
