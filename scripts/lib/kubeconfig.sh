# shellcheck shell=bash
# Writes the admin kubeconfig for this cluster. Requires common.sh.

# write_kubeconfig FILE SERVER_URL
write_kubeconfig() {
  local file="$1" server="$2" tmp
  tmp="$(mktemp "$file.XXXXXX")"
  cat >"$tmp" <<EOF_KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: kube-ts
  cluster:
    server: $server
    # plain HTTP until TLS lands: @kubernetes/client-node refuses http:// without this; kubectl ignores it
    insecure-skip-tls-verify: true
contexts:
- name: kube-ts
  context:
    cluster: kube-ts
    user: admin
    namespace: default
current-context: kube-ts
users:
- name: admin
  user: {}
preferences: {}
EOF_KUBECONFIG
  chmod 600 "$tmp"
  mv -f "$tmp" "$file"
}
