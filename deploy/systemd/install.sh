#!/usr/bin/env bash
# Installs kube-ts as systemd services on this machine:
#   - the built workspace (dist/ of every package, production node_modules) into /opt/kube-ts
#   - one env file per daemon (/etc/kube-ts/<daemon>.env, KUBE_TS_ARGS=...) and kubeconfigs in /etc/kube-ts
#   - the service account token signing key in /etc/kube-ts/pki (generated once, 0600)
#   - the units from this folder into /etc/systemd/system, then enables and starts them
# Usage: deploy/systemd/install.sh [--root DIR] [--no-start]
#   --root DIR   write everything under DIR instead of / and touch no service (a dry run to inspect or test)
# Run `pnpm build` first. Ports and ranges come from the same variables as scripts/cluster (README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck disable=SC1091
source "$here/../../scripts/lib/common.sh"
# shellcheck disable=SC1091
source "$here/../../scripts/lib/kubeconfig.sh"
# shellcheck disable=SC1091
source "$here/../../scripts/lib/sa-key.sh"

root=""
start=1
while (($# > 0)); do
  case "$1" in
    --root) root="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --no-start) start=0; shift ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $1" ;;
  esac
done

opt="$root/opt/kube-ts"
etc="$root/etc/kube-ts"
units="$root/etc/systemd/system"
# Paths as the services will see them (without the dry-run root).
conf=/etc/kube-ts
state=/var/lib/kube-ts
node_name="${KUBE_TS_NODE_NAME:-$(hostname)}"

# Daemon name -> package, in start order. etcd is not a package: Debian's etcd binary runs it.
DAEMONS=(apiserver controller-manager scheduler cloud-controller-manager kubelet kube-proxy coredns-lite)

[ -f "$KUBE_TS_REPO/packages/apiserver/dist/main.js" ] || die "the workspace is not built: run 'pnpm build' first"

copy_workspace() {
  log "copying the built workspace to $opt"
  rm -rf "$opt.new"
  mkdir -p "$opt.new"
  (
    cd "$KUBE_TS_REPO"
    shopt -s nullglob
    files=(package.json pnpm-workspace.yaml pnpm-lock.yaml packages/*/package.json packages/*/dist test/*/package.json)
    [ -f README.md ] && files+=(README.md)
    tar --exclude='*.tsbuildinfo' --exclude='*.test.js' --exclude='*.test.js.map' --exclude='*.test.d.ts' -cf - "${files[@]}"
  ) | tar -C "$opt.new" -xf -
  # Production dependencies only, from the lockfile the workspace was tested with.
  (cd "$opt.new" && CI=true pnpm install --prod --frozen-lockfile --prefer-offline --ignore-scripts --reporter=silent) ||
    die "pnpm install --prod failed in $opt.new"
  mkdir -p "$opt.new/bin"
  ln -sf "$(readlink -f "$(command -v node)")" "$opt.new/bin/node"
  rm -rf "$opt"
  mv "$opt.new" "$opt"
}

# The arguments each daemon runs with (its env file's KUBE_TS_ARGS).
daemon_args() {
  local kc="$conf/$1.kubeconfig"
  case "$1" in
    etcd) echo "--name $node_name --data-dir $state/etcd --listen-client-urls http://127.0.0.1:$ETCD_PORT --advertise-client-urls http://127.0.0.1:$ETCD_PORT --listen-peer-urls http://127.0.0.1:$ETCD_PEER_PORT --initial-advertise-peer-urls http://127.0.0.1:$ETCD_PEER_PORT --initial-cluster $node_name=http://127.0.0.1:$ETCD_PEER_PORT --auto-compaction-mode periodic --auto-compaction-retention 1h" ;;
    apiserver) echo "--etcd-servers=http://127.0.0.1:$ETCD_PORT --secure-port=$API_PORT --bind-address=127.0.0.1 --insecure-serve-plain-http --service-cluster-ip-range=$SERVICE_CIDR $(sa_key_flags "$conf/pki/sa.key" "$conf/pki/sa.pub")" ;;
    controller-manager) echo "--kubeconfig=$kc --secure-port=$CONTROLLER_MANAGER_PORT --bind-address=127.0.0.1 --allocate-node-cidrs=true --cluster-cidr=$CLUSTER_CIDR --service-cluster-ip-range=$SERVICE_CIDR --leader-elect=true" ;;
    scheduler) echo "--kubeconfig=$kc --secure-port=$SCHEDULER_PORT --bind-address=127.0.0.1 --leader-elect=true" ;;
    cloud-controller-manager) echo "--kubeconfig=$kc --secure-port=$CLOUD_CONTROLLER_MANAGER_PORT --bind-address=127.0.0.1 --cloud-provider=local --cluster-cidr=$CLUSTER_CIDR" ;;
    kubelet) echo "--kubeconfig=$kc --hostname-override=$node_name --address=127.0.0.1 --port=$KUBELET_PORT --healthz-bind-address=127.0.0.1 --healthz-port=$KUBELET_HEALTHZ_PORT --root-dir=$state/kubelet --cluster-dns=10.96.0.10 --cluster-domain=cluster.local" ;;
    kube-proxy) echo "--kubeconfig=$kc --hostname-override=$node_name --proxy-mode=iptables --healthz-bind-address=127.0.0.1:$KUBE_PROXY_HEALTHZ_PORT --metrics-bind-address=127.0.0.1:$KUBE_PROXY_METRICS_PORT --cluster-cidr=$CLUSTER_CIDR" ;;
    coredns-lite) echo "--kubeconfig=$kc --dns-bind-address=127.0.0.1 --dns-port=$DNS_PORT --cluster-domain=cluster.local --health-bind-address=127.0.0.1 --health-port=$DNS_HEALTH_PORT" ;;
    *) die "no arguments known for $1" ;;
  esac
}

write_config() {
  log "writing env files and kubeconfigs to $etc"
  mkdir -p "$etc"
  chmod 755 "$etc"
  local name file
  for name in etcd "${DAEMONS[@]}"; do
    file="$etc/$name.env"
    if [ "$name" = etcd ]; then
      printf '# Arguments for /usr/bin/etcd (kube-ts-etcd.service).\nETCD_ARGS="%s"\n' "$(daemon_args etcd)" >"$file"
    else
      printf '# Arguments for %s (kube-ts-%s.service).\nKUBE_TS_ARGS="%s"\n' "$name" "${name/kube-proxy/proxy}" "$(daemon_args "$name")" >"$file"
    fi
    chmod 644 "$file"
  done
  # The service account token signing key, kept across reinstalls (tokens already issued stay valid).
  SA_KEY="$etc/pki/sa.key" SA_PUB="$etc/pki/sa.pub" ensure_sa_key
  # Plain-HTTP loopback apiserver for now: every kubeconfig is the same admin identity.
  for name in admin "${DAEMONS[@]:1}"; do
    write_kubeconfig "$etc/$name.kubeconfig" "http://127.0.0.1:$API_PORT"
  done
}

install_units() {
  log "installing units to $units"
  mkdir -p "$units"
  install -m 644 "$here"/kube-ts-*.service "$units/"
}

enable_units() {
  local list=()
  for unit in "$here"/kube-ts-*.service; do list+=("$(basename "$unit")"); done
  if [ ! -d /run/systemd/system ]; then
    warn "systemd is not running on this machine: units installed but not enabled (run: systemctl enable --now ${list[*]})"
    return 0
  fi
  systemctl daemon-reload
  systemctl enable "${list[@]}"
  ((start == 1)) && systemctl restart "${list[@]}"
  log "enabled ${list[*]}"
}

[ -n "$root" ] || [ "$(id -u)" = 0 ] || die "run as root (or pass --root DIR for a dry run)"
copy_workspace
write_config
install_units
if [ -n "$root" ]; then
  log "dry run into $root: no service enabled"
else
  mkdir -p "$state"
  enable_units
fi
log "installed; kubectl --kubeconfig $conf/admin.kubeconfig get ns"
