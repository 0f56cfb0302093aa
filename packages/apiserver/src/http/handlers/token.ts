import { parseWriteQuery } from '../query.js'
import { writeJson } from '../respond.js'
import { asKubeObject, decodeBody } from '../decode.js'
import { addWarning } from '../field-validation.js'
import { errPathNotFound } from '../errors.js'
import { createServiceAccountToken } from '../../serviceaccount/token-request.js'
import type { HandlerContext } from './context.js'

/**
 * POST `serviceaccounts/<name>/token` (`kubectl create token`, sent as protobuf): answers 201 with the TokenRequest
 * carrying a signed token. Routed only when a signing key is configured; the check here is a second guard.
 */
export async function handleTokenRequest (ctx: HandlerContext): Promise<void> {
  const tokens = ctx.serviceAccountTokens
  if (tokens === undefined) throw errPathNotFound()
  parseWriteQuery(ctx.q, 'CreateOptions')
  const body = asKubeObject(await decodeBody(ctx.req), { group: 'authentication.k8s.io', version: 'v1' }, 'TokenRequest')
  const deps = {
    store: ctx.store,
    tokens,
    schemaOf: (resource: string) => {
      const schema = ctx.index.find('', 'v1', resource)
      if (schema === undefined) throw errPathNotFound()
      return schema
    },
    now: ctx.now,
    warn: (text: string) => addWarning(ctx.res, text)
  }
  writeJson(ctx.res, 201, await createServiceAccountToken(deps, ctx.info.namespace, ctx.info.name, body))
}
