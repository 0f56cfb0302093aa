import { canonicalizeControllers, isControllerEnabled } from './controller-selection.js'
import type { ControllerDescriptor } from './controller-descriptors.js'

const start = async (): Promise<void> => {}
const descriptors: ControllerDescriptor[] = [
  { name: 'replicaset-controller', aliases: ['replicaset'], start },
  { name: 'deployment-controller', aliases: ['deployment'], start },
  { name: 'bootstrap-signer-controller', aliases: ['bootstrapsigner'], disabledByDefault: true, start }
]

describe('isControllerEnabled', () => {
  it.each([
    { name: 'star enables a default-on controller', controllers: ['*'], ctrl: 'replicaset-controller', want: true },
    { name: 'star leaves a default-off controller off', controllers: ['*'], ctrl: 'bootstrap-signer-controller', want: false },
    { name: 'naming a default-off controller turns it on', controllers: ['*', 'bootstrap-signer-controller'], ctrl: 'bootstrap-signer-controller', want: true },
    { name: 'a minus entry turns a controller off despite star', controllers: ['*', '-deployment-controller'], ctrl: 'deployment-controller', want: false },
    { name: 'without star only named controllers run', controllers: ['replicaset-controller'], ctrl: 'deployment-controller', want: false },
    { name: 'an empty list runs nothing', controllers: [], ctrl: 'replicaset-controller', want: false }
  ])('$name', ({ controllers, ctrl, want }) => {
    const d = descriptors.find(x => x.name === ctrl) as ControllerDescriptor
    expect(isControllerEnabled(d, controllers)).toBe(want)
  })
})

describe('canonicalizeControllers', () => {
  it.each([
    { name: 'keeps canonical names and star', input: ['*', 'replicaset-controller'], want: ['*', 'replicaset-controller'], errors: [] },
    { name: 'rewrites aliases including negated ones', input: ['replicaset', '-deployment'], want: ['replicaset-controller', '-deployment-controller'], errors: [] },
    { name: 'reports unknown names with the upstream message', input: ['nope', '-bad'], want: [], errors: ['"nope" is not in the list of known controllers', '"bad" is not in the list of known controllers'] }
  ])('$name', ({ input, want, errors }) => {
    expect(canonicalizeControllers(input, descriptors)).toEqual({ controllers: want, errors })
  })
})
