import request from 'supertest'
import { cmPath, deployPath, fieldValidationApp as app } from './testing/field-validation-app.js'

const deployment = (spec: Record<string, unknown>): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ...spec }
})
const container = (extra: Record<string, unknown>): Record<string, unknown> => deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', ...extra }] } } })

describe('typed decoding: values of the wrong JSON type', () => {
  it.each([
    { name: 'a number in a ConfigMap\'s data', path: cmPath, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' }, data: { port: 8080 } }, message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string' },
    { name: 'a number as a label value', path: cmPath, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', labels: { v: 2 } } }, message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string' },
    { name: 'a string as replicas', path: deployPath, body: deployment({ replicas: '3' }), message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32' },
    { name: 'a fraction as replicas', path: deployPath, body: deployment({ replicas: 1.5 }), message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32' },
    { name: 'a number as an env value', path: deployPath, body: container({ env: [{ name: 'PORT', value: 8080 }] }), message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string' },
    { name: 'a string as a container port', path: deployPath, body: container({ ports: [{ containerPort: '80' }] }), message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32' },
    { name: 'an object where a list of containers belongs', path: deployPath, body: deployment({ template: { spec: { containers: { name: 'c' } } } }), message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container' },
    { name: 'a string where a struct belongs', path: deployPath, body: deployment({ strategy: 'Recreate' }), message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.strategy of type v1.DeploymentStrategy' },
    { name: 'a string as a boolean', path: deployPath, body: deployment({ paused: 'yes' }), message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool' },
    { name: 'a number in binaryData (Go bytes)', path: cmPath, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' }, binaryData: { k: 1 } }, message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.binaryData of type []uint8' },
    { name: 'plain text in binaryData (not base64)', path: cmPath, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' }, binaryData: { k: 'not base64!' } }, message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 3' }
  ])('a create with $name is refused with 400 at any validation level', async ({ path, body, message }) => {
    for (const q of ['', '?fieldValidation=Ignore', '?fieldValidation=Strict']) {
      const t = app()
      const res = await request(t.app).post(`${path}${q}`).send(body)
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400, message })
    }
  })

  it('quantities, int-or-strings and free-form fields accept numbers and strings alike', async () => {
    const t = app()
    const body = container({ resources: { limits: { cpu: 1, memory: '1Gi' } }, ports: [{ containerPort: 80 }] })
    ;(body.spec as Record<string, unknown>).strategy = { rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } }
    const res = await request(t.app).post(deployPath).send(body)
    expect(res.status).toBe(201)
  })

  it('a type error is reported before unknown fields', async () => {
    const t = app()
    const res = await request(t.app).post(`${cmPath}?fieldValidation=Strict`).send({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' }, dta: {}, data: { a: true } })
    expect(res.body.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type string')
  })

  it.each([
    { type: 'application/merge-patch+json', message: 'json: cannot unmarshal number into Go struct field ConfigMap.data of type string', badValue: '{"apiVersion":"v1","data":{"k":1},"kind":"ConfigMap","metadata":' },
    { type: 'application/json-patch+json', message: 'json: cannot unmarshal number into Go struct field ConfigMap.data of type string', badValue: '{"apiVersion":"v1","data":{"k":1},"kind":"ConfigMap","metadata":' },
    { type: 'application/strategic-merge-patch+json', message: 'cannot convert int64 to string', badValue: 'map[data:map[k:1]]' }
  ])('a $type patch writing a number into data is an invalid patch (422) and nothing is written', async ({ type, message, badValue }) => {
    const t = app()
    const patch = type === 'application/json-patch+json' ? '[{"op":"replace","path":"/data/k","value":1}]' : '{"data":{"k":1}}'
    const res = await request(t.app).patch(`${cmPath}/a`).set('Content-Type', type).send(patch)
    expect(res.status).toBe(422)
    expect(res.body.reason).toBe('Invalid')
    expect(res.body.message).toContain(`patch: Invalid value: "${badValue.replace(/"/g, '\\"')}`)
    expect(res.body.message).toMatch(new RegExp(`: ${message}$`))
    const got = await request(t.app).get(`${cmPath}/a`)
    expect(got.body.data).toEqual({ k: 'v' })
  })

  it.each([
    { name: 'a number in data', path: `${cmPath}/b`, body: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {a: 1}\n', message: 'failed to create typed patch object (default/b; /v1, Kind=ConfigMap): .data.a: expected string, got &value.valueUnstructured{Value:1}' },
    { name: 'a number as an env value', path: `${deployPath}/web`, body: JSON.stringify(container({ env: [{ name: 'PORT', value: 587 }] })), message: 'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers[name="c"].env[name="PORT"].value: expected string, got &value.valueUnstructured{Value:587}' },
    { name: 'a string as replicas', path: `${deployPath}/web`, body: JSON.stringify(deployment({ replicas: '2' })), message: 'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.replicas: expected numeric (int or float), got string' }
  ])('server-side apply of $name fails as structured-merge-diff does', async ({ path, body, message }) => {
    const t = app()
    const res = await request(t.app).patch(`${path}?fieldManager=m`).set('Content-Type', 'application/apply-patch+yaml').send(body)
    expect(res.status).toBe(500)
    expect(res.body.message).toBe(message)
  })
})
