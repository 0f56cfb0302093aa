// Three tiers (STYLE.md 2.8): unit tests beside the code, integration tests against real etcd/Docker,
// end-to-end tests against a whole cluster driven by the real kubectl.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] }
const moduleNameMapper = {
  '^@kube-ts/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
  // sources import './x.js' (node16 resolution); jest resolves the .ts file
  '^(\\.{1,2}/.*)\\.js$': '$1'
}
const common = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname }
module.exports = {
  // integration and e2e tests wait on real etcd, Docker and kubectl; e2e files raise this further themselves
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/packages/*/src/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/packages/*/test/integration/**/*.int.test.ts'],
      globalSetup: '<rootDir>/packages/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/packages/testing/src/jest/global-teardown.ts'
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'] }
  ]
}
