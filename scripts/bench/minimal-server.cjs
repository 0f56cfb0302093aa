// The floor baseline for scripts/bench-apiserver: the least an HTTP server in front of etcd can do per create, built
// from the apiserver's own parts (express 5, its grpc-js etcd client) and nothing else: read and parse the JSON body,
// stamp uid/creationTimestamp, one Txn that creates the key only if absent, answer 201 with the object. No routing
// table, validation, defaulting, admission, managedFields, metrics or watch. Its creates/s, measured in the same run
// as the apiserver and raw etcd, shows how much of the gap to raw etcd any Node HTTP front end pays on this machine.
// Usage: node scripts/bench/minimal-server.cjs <etcd-url> <port>
const { createRequire } = require('node:module')
const { randomUUID } = require('node:crypto')
const { join } = require('node:path')

const apiserverRequire = createRequire(join(__dirname, '../../packages/apiserver/package.json'))
const express = apiserverRequire('express')
const { EtcdKv } = apiserverRequire('./dist/storage/etcd-kv.js')

const [etcdUrl, port] = process.argv.slice(2)
const kv = new EtcdKv({ endpoints: [etcdUrl], channelOptions: {}, callTimeoutMs: 10000 })
const app = express()

app.post('/api/v1/namespaces/:namespace/configmaps', (req, res) => {
  const chunks = []
  req.on('data', c => chunks.push(c))
  req.on('end', () => {
    let obj
    try {
      obj = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      res.status(400).json({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'BadRequest', code: 400 })
      return
    }
    obj.metadata.uid = randomUUID()
    obj.metadata.creationTimestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    // outside /registry, so the apiserver running in the same bench does not decode these writes from its watch
    const key = Buffer.from(`/bench-floor/configmaps/${req.params.namespace}/${obj.metadata.name}`)
    const txn = {
      compare: [{ key, target: 'CREATE', result: 'EQUAL', create_revision: 0 }],
      success: [{ request_put: { key, value: Buffer.from(JSON.stringify(obj)) } }],
      failure: []
    }
    kv.txn(txn).then(r => {
      if (!r.succeeded) { res.status(409).json({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'AlreadyExists', code: 409 }); return }
      obj.metadata.resourceVersion = String(r.header.revision)
      res.status(201).json(obj)
    }, err => { res.status(500).json({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: String(err.message), code: 500 }) })
  })
})

app.listen(Number(port), '127.0.0.1', () => { process.stdout.write('ready\n') })
