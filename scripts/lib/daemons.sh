# shellcheck shell=bash
# The control-plane and node daemons `cluster up` runs, as one table. Adding a daemon is one line.
# Requires common.sh, supervisor.sh, install.sh and sa-key.sh.
#
# Columns (|-separated): name | package under packages/ | health URL | arguments (split on spaces) |
# the TCP ports it listens on, as VARIABLE=PORT (checked to be free before it starts).
# Order matters: a daemon starts after the ones above it are healthy. The apiserver is required;
# the others are optional and start only once their package builds and implements `run`.
daemon_table() {
  cat <<EOF_TABLE
kube-apiserver|apiserver|http://127.0.0.1:$API_PORT/readyz|--etcd-servers=http://127.0.0.1:$ETCD_PORT --secure-port=$API_PORT --bind-address=127.0.0.1 --insecure-serve-plain-http --service-cluster-ip-range=$SERVICE_CIDR $(sa_key_flags)|KUBE_TS_API_PORT=$API_PORT
kube-controller-manager|controller-manager|http://127.0.0.1:$CONTROLLER_MANAGER_PORT/readyz|--kubeconfig=$KUBECONFIG_PATH --secure-port=$CONTROLLER_MANAGER_PORT --bind-address=127.0.0.1 --allocate-node-cidrs=true --cluster-cidr=$CLUSTER_CIDR --service-cluster-ip-range=$SERVICE_CIDR --leader-elect=true|KUBE_TS_CONTROLLER_MANAGER_PORT=$CONTROLLER_MANAGER_PORT
kube-scheduler|scheduler|http://127.0.0.1:$SCHEDULER_PORT/readyz|--kubeconfig=$KUBECONFIG_PATH --secure-port=$SCHEDULER_PORT --bind-address=127.0.0.1 --leader-elect=true|KUBE_TS_SCHEDULER_PORT=$SCHEDULER_PORT
cloud-controller-manager|cloud-controller-manager|http://127.0.0.1:$CLOUD_CONTROLLER_MANAGER_PORT/readyz|--kubeconfig=$KUBECONFIG_PATH --secure-port=$CLOUD_CONTROLLER_MANAGER_PORT --bind-address=127.0.0.1 --cloud-provider=local --cluster-cidr=$CLUSTER_CIDR|KUBE_TS_CLOUD_CONTROLLER_MANAGER_PORT=$CLOUD_CONTROLLER_MANAGER_PORT
kubelet|kubelet|http://127.0.0.1:$KUBELET_HEALTHZ_PORT/healthz|--kubeconfig=$KUBECONFIG_PATH --hostname-override=$NODE_NAME --address=127.0.0.1 --port=$KUBELET_PORT --healthz-bind-address=127.0.0.1 --healthz-port=$KUBELET_HEALTHZ_PORT --root-dir=$KUBE_TS_HOME/kubelet --cluster-dns=10.96.0.10 --cluster-domain=cluster.local|KUBE_TS_KUBELET_PORT=$KUBELET_PORT KUBE_TS_KUBELET_HEALTHZ_PORT=$KUBELET_HEALTHZ_PORT
kube-proxy|kube-proxy|http://127.0.0.1:$KUBE_PROXY_HEALTHZ_PORT/healthz|--kubeconfig=$KUBECONFIG_PATH --hostname-override=$NODE_NAME --proxy-mode=iptables --healthz-bind-address=127.0.0.1:$KUBE_PROXY_HEALTHZ_PORT --metrics-bind-address=127.0.0.1:$KUBE_PROXY_METRICS_PORT --cluster-cidr=$CLUSTER_CIDR|KUBE_TS_KUBE_PROXY_HEALTHZ_PORT=$KUBE_PROXY_HEALTHZ_PORT KUBE_TS_KUBE_PROXY_METRICS_PORT=$KUBE_PROXY_METRICS_PORT
coredns-lite|coredns-lite|http://127.0.0.1:$DNS_HEALTH_PORT/readyz|--kubeconfig=$KUBECONFIG_PATH --dns-bind-address=127.0.0.1 --dns-port=$DNS_PORT --cluster-domain=cluster.local --health-bind-address=127.0.0.1 --health-port=$DNS_HEALTH_PORT|KUBE_TS_DNS_PORT=$DNS_PORT KUBE_TS_DNS_HEALTH_PORT=$DNS_HEALTH_PORT
EOF_TABLE
}

REQUIRED_DAEMONS=" kube-apiserver "
# Daemons that program host networking: their presence turns on scripts/lib/network.sh.
NETWORK_DAEMONS=" kubelet kube-proxy "

daemon_field() { # daemon_field NAME COLUMN(1-5)
  daemon_table | awk -F'|' -v n="$1" -v c="$2" '$1 == n { print $c }'
}
daemon_names() { daemon_table | cut -d'|' -f1; }
daemon_required() { [[ "$REQUIRED_DAEMONS" == *" $1 "* ]]; }
daemon_main() { echo "$KUBE_TS_REPO/packages/$(daemon_field "$1" 2)/dist/main.js"; }
daemon_healthy() { http_ok "$(daemon_field "$1" 3)"; }

# Why a daemon cannot start, or nothing when it can: its package must have a main, be built, export
# `run`, and that run must not be component-base's runSkeleton (the placeholder that only serves health
# endpoints). Skeletons are skipped rather than started.
daemon_unavailable_reason() {
  local name="$1" pkg dir
  pkg="$(daemon_field "$name" 2)"
  dir="$KUBE_TS_REPO/packages/$pkg"
  [ -f "$dir/package.json" ] || { echo "package packages/$pkg does not exist"; return; }
  [ -f "$dir/src/main.ts" ] || { echo "not implemented (no src/main.ts)"; return; }
  if [ ! -f "$dir/dist/main.js" ] && [ -f "$(build_stamp).failed" ]; then
    # The whole-workspace build failed elsewhere: this package may still build on its own.
    log "building packages/$pkg on its own"
    (cd "$KUBE_TS_REPO" && npx --no-install tsc -b "packages/$pkg") >/dev/null 2>&1 || true
  fi
  [ -f "$dir/dist/main.js" ] || { echo "not built (no dist/main.js)"; return; }
  if grep -rqs --include='*.js' 'runSkeleton' "$dir/dist"; then
    echo "not implemented (its run() is the component-base skeleton)"
    return
  fi
  node -e 'const m = require(process.argv[1]); process.exit(typeof m.run === "function" ? 0 : 3)' \
    "$dir/dist/index.js" >/dev/null 2>&1 || echo "not implemented (its package does not export run())"
}

daemon_start() {
  local name="$1" main args ports reason pid
  if pid="$(supervised_pid "$name")"; then
    log "$name already running (supervisor pid $pid)"
    DAEMON_LOG_OFFSET=$(($(stat -c %s "$LOG_DIR/$name.log" 2>/dev/null || echo 0) + 1))
    daemon_wait_healthy "$name"
    return
  fi
  reason="$(daemon_unavailable_reason "$name")"
  if [ -n "$reason" ]; then
    daemon_required "$name" && die "cannot start $name: $reason"
    log "skipping $name: $reason"
    echo "skipped $reason" >"$RUN_DIR/$name.state"
    return 0
  fi
  main="$(daemon_main "$name")"
  read -r -a args <<<"$(daemon_field "$name" 4)"
  read -r -a ports <<<"$(daemon_field "$name" 5)"
  claim_ports "$name" "${ports[@]}"
  log "starting $name"
  DAEMON_LOG_OFFSET=$(($(stat -c %s "$LOG_DIR/$name.log" 2>/dev/null || echo 0) + 1))
  start_supervised "$name" node "$main" "${args[@]}"
  daemon_wait_healthy "$name"
}

daemon_wait_healthy() {
  local name="$1" timeout="${KUBE_TS_DAEMON_TIMEOUT:-60}" deadline state
  deadline=$((SECONDS + timeout))
  while ! daemon_healthy "$name"; do
    state="$(supervised_state "$name")"
    # A placeholder that says so (and keeps running or exits) is stopped and skipped, never supervised.
    if [ "$state" = not-implemented ] || tail -c "+${DAEMON_LOG_OFFSET:-1}" "$LOG_DIR/$name.log" 2>/dev/null | grep -q 'is not implemented yet'; then
      daemon_required "$name" && { log_tail "$LOG_DIR/$name.log"; die "$name is not implemented"; }
      stop_supervised "$name"
      echo "not-implemented 0" >"$RUN_DIR/$name.state"
      log "$name says it is not implemented yet; stopped it"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      log_tail "$LOG_DIR/$name.log" 40
      die "$name did not become healthy at $(daemon_field "$name" 3) within ${timeout}s (state: $state)"
    fi
    sleep 0.3
  done
  log "$name is healthy (pid $(supervised_child_pid "$name" || echo '?'))"
}

daemon_stop() {
  local name="$1"
  if supervised_pid "$name" >/dev/null || supervised_child_pid "$name" >/dev/null; then
    log "stopping $name"
    stop_supervised "$name"
  fi
}

# True when any daemon that needs host networking is running (or was started) in this home.
network_daemons_running() {
  local name
  for name in $NETWORK_DAEMONS; do
    supervised_pid "$name" >/dev/null && return 0
  done
  return 1
}
