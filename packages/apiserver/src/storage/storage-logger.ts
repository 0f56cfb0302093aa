/** The slice of a pino logger the storage layer uses, so tests can pass a silent one. */
export interface StorageLogger {
  debug: (obj: object, msg: string) => void
  info: (obj: object, msg: string) => void
  warn: (obj: object, msg: string) => void
  error: (obj: object, msg: string) => void
}

const ignore = (): void => {}

export const silentLogger: StorageLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore }
