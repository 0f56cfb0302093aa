import { buildOptions, defaultRawOptions } from '../options.js'
import type { RawOptions } from '../options.js'

const raw = (over: Partial<RawOptions>): RawOptions => ({ ...defaultRawOptions, etcdServers: 'http://127.0.0.1:2379', insecureServePlainHttp: true, ...over })

describe('service account token flags', () => {
  it.each([
    { name: 'nothing set disables token issuing without a problem', over: {}, problems: [] },
    { name: 'a signing key needs an issuer', over: { serviceAccountSigningKeyFile: '/k/sa.key' }, problems: ['service-account-issuer is a required flag when --service-account-signing-key-file is set'] },
    { name: 'an issuer with a colon must be a URL', over: { serviceAccountIssuer: ['https//x:y z'] }, problems: ['service-account-issuer "https//x:y z" contained a \':\' but was not a valid URL'] },
    { name: 'a max expiration under one hour is refused', over: { serviceAccountMaxTokenExpiration: '30m' }, problems: ['the service-account-max-token-expiration must be between 1 hour and 2^32 seconds'] },
    { name: 'a JWKS URI must be https', over: { serviceAccountJwksUri: 'http://x/jwks' }, problems: ['service-account-jwks-uri requires https scheme'] }
  ])('$name', ({ over, problems }) => {
    expect(buildOptions(raw(over)).problems).toEqual(problems)
  })

  it('keeps repeated issuers and key files in order and splits audiences', () => {
    const { options, problems } = buildOptions(raw({
      serviceAccountIssuer: ['https://a', 'https://b'],
      serviceAccountSigningKeyFile: '/k/sa.key',
      serviceAccountKeyFile: ['/k/1.pub', '/k/2.pub'],
      serviceAccountMaxTokenExpiration: '24h',
      apiAudiences: 'api, vault'
    }))
    expect(problems).toEqual([])
    expect(options).toMatchObject({
      serviceAccountIssuers: ['https://a', 'https://b'],
      serviceAccountSigningKeyFile: '/k/sa.key',
      serviceAccountKeyFiles: ['/k/1.pub', '/k/2.pub'],
      serviceAccountMaxTokenExpirationSeconds: 86400,
      apiAudiences: ['api', 'vault']
    })
  })
})
