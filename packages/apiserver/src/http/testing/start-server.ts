import type { AddressInfo } from 'node:net'
import pino from 'pino'
import type { Logger } from 'pino'
import { run } from '../../server.js'
import { buildOptions, defaultRawOptions } from '../../options.js'
import type { Options } from '../../options.js'

export interface RunningApiServer {
  url: string
  port: number
  options: Options
  stop: () => Promise<void>
}

/**
 * Runs the whole apiserver (`run()`, the same path as the binary) on a free loopback port against `etcdUrl`,
 * for integration tests. Each test passes its own prefix so tests sharing one etcd never see each other's keys.
 */
export async function startApiServer (etcdUrl: string, prefix: string, over: Partial<Options> = {}, logger: Logger = pino({ level: 'silent' })): Promise<RunningApiServer> {
  const { options: built, problems } = buildOptions({
    ...defaultRawOptions,
    etcdServers: etcdUrl,
    etcdPrefix: prefix,
    etcdCompactionInterval: '0',
    securePort: 0,
    insecureServePlainHttp: true
  })
  if (problems.length > 0) throw new Error(problems.join('; '))
  const options = { ...built, ...over }
  const controller = new AbortController()
  let resolveAddress: (a: AddressInfo) => void = () => {}
  const listening = new Promise<AddressInfo>((resolve) => { resolveAddress = resolve })
  const done = run(options, { signal: controller.signal, logger, onListening: resolveAddress })
  const address = await Promise.race([listening, done.then(() => { throw new Error('apiserver stopped before listening') })])
  // ready means the bootstrap objects exist too: tests may use kube-node-lease or the default namespace at once
  for (let i = 0; i < 100 && (await fetch(`http://127.0.0.1:${address.port}/readyz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100))
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    options,
    stop: async () => {
      controller.abort()
      await done
    }
  }
}
