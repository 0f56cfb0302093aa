import { dirname, join } from 'node:path'
import * as grpc from '@grpc/grpc-js'
import { loadSync } from '@grpc/proto-loader'
import { castGrpcError, ClientClosedError, isRecoverableError } from 'etcd3'
import type { IRangeRequest, IRangeResponse, ITxnRequest, ITxnResponse } from 'etcd3'

type Callback<T> = (err: grpc.ServiceError | null, res: T) => void
interface KvStub extends grpc.Client {
  range: (req: IRangeRequest, options: grpc.CallOptions, cb: Callback<IRangeResponse>) => grpc.ClientUnaryCall
  txn: (req: ITxnRequest, options: grpc.CallOptions, cb: Callback<ITxnResponse>) => grpc.ClientUnaryCall
}
type KvConstructor = new (address: string, credentials: grpc.ChannelCredentials, options: grpc.ChannelOptions) => KvStub

/** etcd's KV service, from the .proto files etcd3 ships, decoded with the same options so messages look alike. */
function loadKvService (): KvConstructor {
  const proto = join(dirname(require.resolve('etcd3/package.json')), 'proto', 'rpc.proto')
  const definition = loadSync(proto, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true })
  const pkg = grpc.loadPackageDefinition(definition) as unknown as { etcdserverpb: { KV: KvConstructor } }
  return pkg.etcdserverpb.KV
}

let kvService: KvConstructor | undefined

export interface EtcdKvOptions {
  endpoints: string[]
  channelOptions: grpc.ChannelOptions
  callTimeoutMs: number
}

/**
 * The storage's hot path to etcd: Range and Txn as plain grpc calls. The etcd3 library wraps every call in a
 * connection pool, retry and circuit-breaker policies (all switched off here) and several promise layers, which
 * cost more CPU per create than the call itself. Failures keep etcd3's shape (its GRPC*Error classes), and a
 * recoverable failure drops that endpoint's channel so the next call dials afresh, as etcd3's pool does.
 */
export class EtcdKv {
  private readonly stubs: Array<KvStub | undefined>
  private readonly addresses: string[]
  private readonly credentials: grpc.ChannelCredentials
  private closed = false

  constructor (private readonly opts: EtcdKvOptions) {
    this.addresses = opts.endpoints.map(e => e.replace(/^https?:\/\//, ''))
    this.stubs = this.addresses.map(() => undefined)
    // as etcd3 decides: TLS when an endpoint says https
    this.credentials = opts.endpoints.some(e => e.startsWith('https:')) ? grpc.credentials.createSsl() : grpc.credentials.createInsecure()
  }

  async range (req: IRangeRequest, timeoutMs = this.opts.callTimeoutMs): Promise<IRangeResponse> {
    return await this.call(timeoutMs, (stub, options, cb: Callback<IRangeResponse>) => stub.range(req, options, cb))
  }

  async txn (req: ITxnRequest): Promise<ITxnResponse> {
    return await this.call(this.opts.callTimeoutMs, (stub, options, cb: Callback<ITxnResponse>) => stub.txn(req, options, cb))
  }

  close (): void {
    this.closed = true
    this.stubs.forEach((stub, i) => { stub?.close(); this.stubs[i] = undefined })
  }

  private async call<T> (timeoutMs: number, invoke: (stub: KvStub, options: grpc.CallOptions, cb: Callback<T>) => void): Promise<T> {
    const i = this.addresses.length === 1 ? 0 : Math.floor(Math.random() * this.addresses.length)
    const stub = this.stub(i)
    return await new Promise<T>((resolve, reject) => {
      const done: Callback<T> = (err, res) => {
        if (err === null) {
          resolve(res)
          return
        }
        const cast = castGrpcError(err)
        if (isRecoverableError(cast) && this.stubs[i] === stub) {
          this.stubs[i] = undefined
          stub.close()
        }
        reject(cast)
      }
      // grpc-js captures a caller stack (new Error()) on every call only to decorate a failure's stack; that
      // capture is a measurable share of a create, and our errors carry their own message, so it is skipped
      const stackLimit = Error.stackTraceLimit
      Error.stackTraceLimit = 0
      try {
        invoke(stub, { deadline: Date.now() + timeoutMs }, done)
      } finally {
        Error.stackTraceLimit = stackLimit
      }
    })
  }

  private stub (i: number): KvStub {
    if (this.closed) throw new ClientClosedError('KV')
    let stub = this.stubs[i]
    if (stub === undefined) {
      kvService ??= loadKvService()
      stub = new kvService(this.addresses[i] as string, this.credentials, this.opts.channelOptions)
      this.stubs[i] = stub
    }
    return stub
  }
}
