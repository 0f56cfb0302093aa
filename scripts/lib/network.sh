# shellcheck shell=bash
# Host networking for service virtual IPs (host-environment.md section 4):
# - the service CIDR is routed to an empty bridge (kube-svc0), so traffic to a service IP that no
#   kube-proxy rule matched stays on this machine (a blackhole route would break host connects);
# - route_localnet=1, so NodePorts answer on 127.x node addresses.
# Idempotent; network_down undoes only what network_up of this KUBE_TS_HOME changed.
# Requires common.sh.

SVC_BRIDGE="${KUBE_TS_SERVICE_BRIDGE:-kube-svc0}"
ROUTE_LOCALNET=/proc/sys/net/ipv4/conf/all/route_localnet

network_up() {
  command -v ip >/dev/null 2>&1 || die "the ip command (iproute2) is missing"
  if ! ip link show "$SVC_BRIDGE" >/dev/null 2>&1; then
    log "creating bridge $SVC_BRIDGE as the sink for $SERVICE_CIDR"
    as_root ip link add "$SVC_BRIDGE" type bridge
    touch "$RUN_DIR/network.bridge-created"
  fi
  as_root ip link set "$SVC_BRIDGE" up
  if ! ip route show "$SERVICE_CIDR" | grep -q "dev $SVC_BRIDGE"; then
    ip route show "$SERVICE_CIDR" | grep -q . && warn "replacing the existing route for $SERVICE_CIDR: $(ip route show "$SERVICE_CIDR")"
    as_root ip route replace "$SERVICE_CIDR" dev "$SVC_BRIDGE"
    touch "$RUN_DIR/network.route-created"
  fi
  if [ "$(cat "$ROUTE_LOCALNET")" != 1 ]; then
    cat "$ROUTE_LOCALNET" >"$RUN_DIR/network.route_localnet.prev"
    as_root sh -c "echo 1 > $ROUTE_LOCALNET"
  fi
}

network_down() {
  if [ -f "$RUN_DIR/network.route-created" ]; then
    ip route show "$SERVICE_CIDR" | grep -q "dev $SVC_BRIDGE" && as_root ip route del "$SERVICE_CIDR" dev "$SVC_BRIDGE"
    rm -f "$RUN_DIR/network.route-created"
  fi
  if [ -f "$RUN_DIR/network.bridge-created" ]; then
    ip link show "$SVC_BRIDGE" >/dev/null 2>&1 && as_root ip link del "$SVC_BRIDGE"
    rm -f "$RUN_DIR/network.bridge-created"
  fi
  if [ -f "$RUN_DIR/network.route_localnet.prev" ]; then
    as_root sh -c "cat '$RUN_DIR/network.route_localnet.prev' > $ROUTE_LOCALNET"
    rm -f "$RUN_DIR/network.route_localnet.prev"
  fi
  return 0
}

network_status() {
  local bridge=missing route=missing
  ip link show "$SVC_BRIDGE" >/dev/null 2>&1 && bridge=present
  ip route show "$SERVICE_CIDR" 2>/dev/null | grep -q "dev $SVC_BRIDGE" && route="via $SVC_BRIDGE"
  printf '%-26s bridge %s, %s route %s, route_localnet=%s\n' network "$bridge" "$SERVICE_CIDR" "$route" \
    "$(cat "$ROUTE_LOCALNET" 2>/dev/null || echo '?')"
}
