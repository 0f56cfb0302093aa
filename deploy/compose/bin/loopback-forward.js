// Forwards TCP from a container-network address to the apiserver on 127.0.0.1: the apiserver serves plain
// HTTP only on loopback until TLS lands, and in this demo the workers reach it over the compose network.
// The compose file publishes it to the host on 127.0.0.1 only.
'use strict'
const net = require('node:net')

const [listen, target] = process.argv.slice(2)
if (!listen || !target) {
  process.stderr.write('usage: loopback-forward.js LISTEN_HOST:PORT TARGET_HOST:PORT\n')
  process.exit(2)
}
const split = (hostPort) => { const i = hostPort.lastIndexOf(':'); return [hostPort.slice(0, i), Number(hostPort.slice(i + 1))] }
const [listenHost, listenPort] = split(listen)
const [targetHost, targetPort] = split(target)
const server = net.createServer((client) => {
  const upstream = net.connect(targetPort, targetHost)
  client.pipe(upstream).pipe(client)
  const close = () => { client.destroy(); upstream.destroy() }
  client.on('error', close)
  upstream.on('error', close)
})
server.listen(listenPort, listenHost, () => process.stderr.write(`forwarding ${listen} -> ${target}\n`))
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)))
