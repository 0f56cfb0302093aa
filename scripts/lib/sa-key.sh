# shellcheck shell=bash
# The service account token signing key: generated once into $KUBE_TS_HOME/pki (sa.key + sa.pub, 0600), with
# openssl when present, else node's crypto. Key material is never printed. deploy/systemd/install.sh points
# SA_KEY and SA_PUB at /etc/kube-ts/pki before calling ensure_sa_key.

SA_KEY="$KUBE_TS_HOME/pki/sa.key"
SA_PUB="$KUBE_TS_HOME/pki/sa.pub"
# The issuer every token carries (the upstream default for a cluster named cluster.local).
SA_ISSUER=https://kubernetes.default.svc.cluster.local

# The apiserver flags that turn token issuing on with the key pair at SA_KEY / SA_PUB (paths as the daemon sees them).
sa_key_flags() {
  echo "--service-account-issuer=$SA_ISSUER --service-account-signing-key-file=${1:-$SA_KEY} --service-account-key-file=${2:-$SA_PUB}"
}

ensure_sa_key() {
  [ -s "$SA_KEY" ] && [ -s "$SA_PUB" ] && return 0
  local dir
  dir="$(dirname "$SA_KEY")"
  mkdir -p "$dir"
  chmod 700 "$dir"
  (
    umask 077
    if command -v openssl >/dev/null 2>&1; then
      openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$SA_KEY.tmp" 2>/dev/null
      openssl pkey -in "$SA_KEY.tmp" -pubout -out "$SA_PUB.tmp" 2>/dev/null
    else
      node "$KUBE_TS_REPO/scripts/lib/sa-keygen.js" "$SA_KEY.tmp" "$SA_PUB.tmp"
    fi
  ) || die "could not generate the service account signing key in $dir"
  chmod 600 "$SA_KEY.tmp" "$SA_PUB.tmp"
  mv "$SA_KEY.tmp" "$SA_KEY"
  mv "$SA_PUB.tmp" "$SA_PUB"
  log "generated the service account signing key in $dir"
}
