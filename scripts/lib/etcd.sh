# shellcheck shell=bash
# The cluster's etcd: one member on 127.0.0.1, supervised, data in $KUBE_TS_HOME/etcd.
# Requires common.sh and supervisor.sh.

etcd_url() { echo "http://127.0.0.1:$ETCD_PORT"; }
etcd_healthy() { http_ok "$(etcd_url)/health"; }

etcd_start() {
  if supervised_pid etcd >/dev/null; then
    if wait_until 20 "etcd health on port $ETCD_PORT" etcd_healthy; then
      log "etcd already running (pid $(supervised_child_pid etcd || echo '?'), $(etcd_url))"
      return 0
    fi
    log_tail "$LOG_DIR/etcd.log"
    die "our etcd (supervisor pid $(supervised_pid etcd)) is running but not healthy"
  fi
  claim_ports etcd "KUBE_TS_ETCD_PORT=$ETCD_PORT" "KUBE_TS_ETCD_PEER_PORT=$ETCD_PEER_PORT"
  command -v etcd >/dev/null 2>&1 || die "etcd is not installed"
  mkdir -p "$KUBE_TS_HOME/etcd"
  chmod 700 "$KUBE_TS_HOME/etcd"
  log "starting etcd on $(etcd_url)"
  local client="http://127.0.0.1:$ETCD_PORT" peer="http://127.0.0.1:$ETCD_PEER_PORT"
  start_supervised etcd etcd --name kube-ts --data-dir "$KUBE_TS_HOME/etcd" \
    --listen-client-urls "$client" --advertise-client-urls "$client" \
    --listen-peer-urls "$peer" --initial-advertise-peer-urls "$peer" \
    --initial-cluster "kube-ts=$peer" --initial-cluster-state new \
    --auto-compaction-mode periodic --auto-compaction-retention 1h
  if ! wait_until 30 "etcd health on $(etcd_url)" etcd_healthy; then
    log_tail "$LOG_DIR/etcd.log"
    die "etcd did not become healthy"
  fi
  log "etcd is healthy (pid $(supervised_child_pid etcd || echo '?'))"
}

etcd_stop() {
  if supervised_pid etcd >/dev/null || supervised_child_pid etcd >/dev/null; then
    log "stopping etcd"
    # etcd can take ~10 s on SIGTERM as the last member (host-environment.md section 1).
    KUBE_TS_SUPERVISE_STOP_GRACE=15 stop_supervised etcd
  fi
}
