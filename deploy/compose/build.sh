#!/usr/bin/env bash
# Builds the images docker-compose.yml runs, from this machine's files (no registry):
#   kube-ts/node:20            scripts/images --node (busybox + node and its libraries)
#   kube-ts/control-plane:dev  + the built workspace in /opt/kube-ts (as deploy/systemd/install.sh lays it out),
#                              etcd, and a kubeconfig for the compose network
#   kube-ts/worker:dev         + dockerd, containerd, runc, iptables (nft) and unshare for docker-in-docker nodes
# Also writes $KUBE_TS_HOME/compose.kubeconfig for kubectl on the host. Run `pnpm build` first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for lib in common images kubeconfig; do
  # shellcheck disable=SC1090
  source "$here/../../scripts/lib/$lib.sh"
done

docker version >/dev/null 2>&1 || die "docker is not answering (scripts/cluster up starts dockerd)"
"$KUBE_TS_REPO/scripts/images" --node

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

# The legacy builder needs no BuildKit/buildx plugin and no base image pulls: every FROM is local.
build_image() { DOCKER_BUILDKIT=0 docker build -q -t "$1" "$2" >/dev/null; log "built $1"; }

log "staging the workspace"
"$KUBE_TS_REPO/deploy/systemd/install.sh" --root "$stage/install" >/dev/null
ctx="$stage/control-plane"
mkdir -p "$ctx/root/opt" "$ctx/root/etc/kube-ts"
mv "$stage/install/opt/kube-ts" "$ctx/root/opt/kube-ts"
rm -f "$ctx/root/opt/kube-ts/bin/node" # the image has its own node on PATH
install -m 755 "$here"/bin/*.sh "$here"/bin/*.js "$ctx/root/opt/kube-ts/bin/"
install -m 755 "$KUBE_TS_REPO/scripts/lib/sa-keygen.js" "$ctx/root/opt/kube-ts/bin/"
write_kubeconfig "$ctx/root/etc/kube-ts/kubeconfig" http://control-plane:6443
chmod 644 "$ctx/root/etc/kube-ts/kubeconfig"
copy_bins "$ctx/root" etcd etcdctl
cat >"$ctx/Dockerfile" <<'EOF_DOCKERFILE'
FROM kube-ts/node:20
COPY root/ /
ENV PATH=/opt/kube-ts/bin:/usr/local/bin:/bin:/sbin:/usr/bin:/usr/sbin
EOF_DOCKERFILE
build_image kube-ts/control-plane:dev "$ctx"

ctx="$stage/worker"
mkdir -p "$ctx/root"
copy_bins "$ctx/root" dockerd containerd containerd-shim-runc-v2 runc docker-proxy docker-init xtables-nft-multi unshare docker
# The real path: libxtables looks there for its extensions, and in the image /lib is not a symlink.
xt="$(readlink -f "$(dirname "$(ldd "$(command -v xtables-nft-multi)" | awk '/libxtables/ { print $3 }')")/xtables")"
mkdir -p "$ctx/root$xt"
cp -L "$xt"/*.so "$ctx/root$xt/"
copy_libs "$ctx/root" "$xt"/*.so
sbin="$(dirname "$(command -v xtables-nft-multi)")"
for tool in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
  ln -sf xtables-nft-multi "$ctx/root$sbin/$tool"
done
cat >"$ctx/Dockerfile" <<'EOF_DOCKERFILE'
FROM kube-ts/control-plane:dev
COPY root/ /
EOF_DOCKERFILE
build_image kube-ts/worker:dev "$ctx"

check_home
write_kubeconfig "$KUBE_TS_HOME/compose.kubeconfig" "http://127.0.0.1:${KUBE_TS_COMPOSE_API_PORT:-16443}"
log "images ready; next: docker-compose -f $here/docker-compose.yml up -d"
