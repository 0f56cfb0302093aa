/** Everything a RestClient needs to reach and authenticate to one apiserver (client-go's rest.Config subset). */
export interface ClientConfig {
  /** `https://127.0.0.1:6443` (a path prefix is kept). */
  server: string
  token?: string
  username?: string
  password?: string
  /** PEM contents, not file names. */
  caData?: string
  certData?: string
  keyData?: string
  insecureSkipTLSVerify?: boolean
  tlsServerName?: string
  /** The context's namespace, `default` when unset. */
  namespace: string
}
