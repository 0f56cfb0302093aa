# shellcheck shell=bash
# Installs what a fresh Debian 12 machine lacks, each step only when needed.
# Shared by scripts/cluster and scripts/test. Requires common.sh.

PNPM_VERSION=10.34.8
# The Debian packages the cluster needs at run time (host-environment.md section 1).
CLUSTER_APT_PACKAGES=(etcd-server etcd-client docker.io iptables busybox-static docker-registry iproute2)

apt_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

ensure_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do apt_installed "$pkg" || missing+=("$pkg"); done
  ((${#missing[@]} == 0)) && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing packages ${missing[*]} and no apt-get to install them"
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  # Debian's docker.io and etcd-server packages may start their daemons where systemd runs; we manage our own.
  for pkg in "${missing[@]}"; do apt_installed "$pkg" || die "apt-get did not install $pkg"; done
}

ensure_pnpm() {
  if [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ]; then return 0; fi
  log "installing pnpm@$PNPM_VERSION"
  if [ -w "$(npm prefix -g 2>/dev/null || echo /nonexistent)" ]; then
    npm install -g --silent "pnpm@$PNPM_VERSION" >/dev/null
  else
    as_root npm install -g --silent "pnpm@$PNPM_VERSION" >/dev/null
  fi
  hash -r
  [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ] || die "pnpm $PNPM_VERSION is not on PATH after installing it"
}

# Fingerprint of everything pnpm install reads: the lockfile and every package.json.
install_fingerprint() {
  (cd "$KUBE_TS_REPO" && shopt -s nullglob && cat pnpm-lock.yaml pnpm-workspace.yaml package.json packages/*/package.json test/*/package.json) |
    sha256sum | cut -d' ' -f1
}

ensure_node_modules() {
  local stamp="$KUBE_TS_REPO/node_modules/.kube-ts-install-stamp" want
  want="$(install_fingerprint)"
  if [ -d "$KUBE_TS_REPO/node_modules" ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$want" ]; then return 0; fi
  log "installing node modules (pnpm install --frozen-lockfile)"
  # Serialised with other pnpm installs in this checkout (developers share one work tree).
  (cd "$KUBE_TS_REPO" && flock "${KUBE_TS_PNPM_LOCK:-/tmp/pnpm.lock}" pnpm install --frozen-lockfile --reporter=append-only) >&2 ||
    die "pnpm install failed"
  echo "$want" >"$stamp"
}

build_stamp() { echo "$KUBE_TS_REPO/node_modules/.kube-ts-build-stamp"; }

# True when a TypeScript source or build config changed since the last successful build.
sources_changed() {
  local stamp
  stamp="$(build_stamp)"
  [ -f "$stamp" ] || return 0
  [ -n "$(cd "$KUBE_TS_REPO" && find packages/*/src packages/*/tsconfig.json packages/*/package.json \
    tsconfig.json tsconfig.base.json -newer "$stamp" -print -quit 2>/dev/null)" ]
}

# Builds the workspace when sources changed since the last attempt. Returns non-zero (without
# dying) when tsc fails, so callers can still start the daemons whose packages did build; a failed
# build is not retried until a source changes again.
ensure_build() {
  local stamp started=$SECONDS
  stamp="$(build_stamp)"
  if ! sources_changed; then
    [ -f "$stamp.failed" ] || return 0
    warn "the last pnpm build failed and no source changed since; not rebuilding"
    return 1
  fi
  log "building the workspace (pnpm build)"
  # Stamp the start time, so files edited during the build count as changed next time.
  touch "$stamp.new"
  if (cd "$KUBE_TS_REPO" && pnpm build) >&2; then
    mv -f "$stamp.new" "$stamp"
    rm -f "$stamp.failed"
    log "build finished in $((SECONDS - started))s"
    return 0
  fi
  mv -f "$stamp.new" "$stamp"
  touch "$stamp.failed"
  warn "pnpm build failed; only packages that build on their own will be started"
  return 1
}

ensure_workspace() {
  ensure_pnpm
  ensure_node_modules
}
