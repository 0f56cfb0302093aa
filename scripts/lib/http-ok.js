// Exits 0 when GET <url> answers 2xx within the timeout, 1 otherwise; prints the body.
// Used by the shell scripts for health checks because curl is not on a fresh machine.
'use strict'
const http = require('node:http')

const url = process.argv[2]
const timeoutMs = Number(process.argv[3] ?? 2000)
if (!url) {
  process.stderr.write('usage: http-ok.js URL [TIMEOUT_MS]\n')
  process.exit(2)
}
const req = http.get(url, { timeout: timeoutMs }, (res) => {
  let body = ''
  res.setEncoding('utf8')
  res.on('data', (chunk) => { body += chunk })
  res.on('end', () => {
    process.stdout.write(body)
    process.exit(res.statusCode >= 200 && res.statusCode < 300 ? 0 : 1)
  })
})
req.on('timeout', () => req.destroy(new Error('timeout')))
req.on('error', () => process.exit(1))
