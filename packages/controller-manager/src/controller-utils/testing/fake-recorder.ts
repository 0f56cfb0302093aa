import type { EventRecorder } from '../events.js'

/** Collects events as `Type Reason Message` strings (client-go's FakeRecorder). */
export class FakeRecorder implements EventRecorder {
  readonly events: string[] = []
  normal (_obj: object, reason: string, message: string): void { this.events.push(`Normal ${reason} ${message}`) }
  warning (_obj: object, reason: string, message: string): void { this.events.push(`Warning ${reason} ${message}`) }
}
