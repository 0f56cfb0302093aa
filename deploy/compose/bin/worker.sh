#!/bin/sh
# A docker-in-docker worker node (host-environment.md section 5): a private cgroup namespace with each
# cgroup v1 hierarchy re-mounted, its own dockerd with --bip = this node's podCIDR, then kubelet and
# kube-proxy once they are implemented.
set -eu
if [ "${KUBE_TS_IN_CGROUPNS:-}" != 1 ]; then
  # docker-compose 1.29 has no cgroupns_mode: enter a private cgroup namespace ourselves.
  export KUBE_TS_IN_CGROUPNS=1
  exec /usr/bin/unshare --cgroup --mount "$0" "$@"
fi
# What --security-opt systempaths=unconfined would do: unmask /proc paths and make /proc/sys writable.
grep -E ' /proc/(sys|sysrq-trigger|bus|fs|irq|asound|acpi|kcore|keys|latency_stats|timer_list|timer_stats|sched_debug|scsi)( |$)' /proc/self/mountinfo |
  awk '{ print $5 }' | sort -r | while read -r path; do umount "$path" 2>/dev/null || true; done
mount -o remount,rw /sys/fs/cgroup 2>/dev/null || true
# mountinfo: ID PARENT DEV ROOT MOUNTPOINT OPTS [OPTIONAL...] - TYPE SOURCE SUPER_OPTS
sed -n 's/^[0-9]* [0-9]* [^ ]* [^ ]* \([^ ]*\) .* - cgroup [^ ]* \([^ ]*\)$/\1 \2/p' /proc/self/mountinfo |
  while read -r dir opts; do
    subsys="$(echo "$opts" | tr ',' '\n' | grep -v -e '^rw$' -e '^ro$' | paste -sd, -)"
    umount "$dir" && mount -t cgroup -o "rw,$subsys" cgroup "$dir"
  done
mkdir -p /var/log
dockerd --bip "$NODE_BIP" --ip-masq=false >/var/log/dockerd.log 2>&1 &
dockerd=$!
until docker version >/dev/null 2>&1; do
  kill -0 "$dockerd" || { tail -n 20 /var/log/dockerd.log >&2; exit 1; }
  sleep 0.2
done
echo "dockerd is ready on $(hostname) with --bip $NODE_BIP" >&2
# Host-gw pod routes to the other nodes and cross-network pod traffic allowed (section 5).
for route in ${POD_ROUTES:-}; do ip route replace "${route%@*}" via "${route#*@}" || true; done
iptables -I DOCKER-USER -s "$CLUSTER_CIDR" -d "$CLUSTER_CIDR" -j ACCEPT 2>/dev/null || true
/opt/kube-ts/bin/run-daemon.sh kubelet --kubeconfig=/etc/kube-ts/kubeconfig --hostname-override="$(hostname)" \
  --healthz-bind-address=127.0.0.1 --cluster-dns=10.96.0.10 --cluster-domain=cluster.local --root-dir=/var/lib/kubelet &
/opt/kube-ts/bin/run-daemon.sh kube-proxy --kubeconfig=/etc/kube-ts/kubeconfig --hostname-override="$(hostname)" \
  --proxy-mode=iptables --cluster-cidr="$CLUSTER_CIDR" &
wait "$dockerd"
