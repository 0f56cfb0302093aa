import { typeDefinitions } from './type-definitions.js'

describe('type definitions from kubernetes-types', () => {
  const defs = typeDefinitions()

  it.each([
    { name: 'an int-or-string field refers to the IntOrString schema, as upstream v3 documents do', def: 'io.k8s.api.core.v1.HTTPGetAction', field: 'port', want: { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }] } },
    { name: 'a quantity map refers to the Quantity schema', def: 'io.k8s.api.core.v1.ResourceRequirements', field: 'limits', want: { type: 'object', additionalProperties: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' } } }
  ])('$name', ({ def, field, want }) => {
    expect(defs[def]?.properties?.[field]).toMatchObject(want)
  })

  it.each([
    { name: 'IntOrString is integer or string with no type, so explain prints its name', def: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', want: { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] } },
    { name: 'Quantity is string or number with no type', def: 'io.k8s.apimachinery.pkg.api.resource.Quantity', want: { oneOf: [{ type: 'string' }, { type: 'number' }] } }
  ])('$name', ({ def, want }) => {
    expect(defs[def]).toMatchObject(want)
    expect(defs[def]?.type).toBeUndefined()
  })
})
