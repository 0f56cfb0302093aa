/** Plugin outcome codes (upstream framework.Code); expected outcomes are values, only bugs throw. */
export enum Code {
  Success = 0,
  Error = 1,
  Unschedulable = 2,
  UnschedulableAndUnresolvable = 3,
  Wait = 4,
  Skip = 5
}

/** One plugin's verdict: a code, human reasons (shown in FailedScheduling) and the plugin that produced it. */
export class Status {
  constructor (readonly code: Code, readonly reasons: string[] = [], public plugin = '') {}

  static success (): Status { return SUCCESS }
  static skip (): Status { return new Status(Code.Skip) }
  static error (message: string): Status { return new Status(Code.Error, [message]) }
  static unschedulable (...reasons: string[]): Status { return new Status(Code.Unschedulable, reasons) }
  static unresolvable (...reasons: string[]): Status { return new Status(Code.UnschedulableAndUnresolvable, reasons) }

  isSuccess (): boolean { return this.code === Code.Success }
  isSkip (): boolean { return this.code === Code.Skip }
  /** Unschedulable or UnschedulableAndUnresolvable: the pod does not fit, nothing broke. */
  isRejected (): boolean { return this.code === Code.Unschedulable || this.code === Code.UnschedulableAndUnresolvable }
  message (): string { return this.reasons.join(', ') }
  withPlugin (name: string): Status {
    if (this === SUCCESS) return this
    this.plugin = name
    return this
  }
}

const SUCCESS = new Status(Code.Success)
