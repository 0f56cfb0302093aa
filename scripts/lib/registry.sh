# shellcheck shell=bash
# A local registry (Debian's docker-registry) on 127.0.0.1, so image pulls are real pulls.
# Our own config: Debian's default enables broken auth and listens on all interfaces.
# Requires common.sh and supervisor.sh.

registry_url() { echo "http://127.0.0.1:$REGISTRY_PORT"; }
registry_healthy() { http_ok "$(registry_url)/v2/"; }

registry_start() {
  if supervised_pid registry >/dev/null; then
    wait_until 20 "the registry on $(registry_url)" registry_healthy || die "our registry is running but not answering"
    log "registry already running on $(registry_url)"
    return 0
  fi
  claim_ports registry "KUBE_TS_REGISTRY_PORT=$REGISTRY_PORT"
  command -v docker-registry >/dev/null 2>&1 || die "docker-registry is not installed"
  local dir="$KUBE_TS_HOME/registry"
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<EOF_CONFIG
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$REGISTRY_PORT
EOF_CONFIG
  log "starting the registry on $(registry_url)"
  start_supervised registry docker-registry serve "$dir/config.yml"
  if ! wait_until 30 "the registry on $(registry_url)" registry_healthy; then
    log_tail "$LOG_DIR/registry.log"
    die "the registry did not start"
  fi
}

registry_stop() {
  if supervised_pid registry >/dev/null || supervised_child_pid registry >/dev/null; then
    log "stopping the registry"
    stop_supervised registry
  fi
}

# registry_push IMAGE...: pushes each local image as 127.0.0.1:PORT/IMAGE.
registry_push() {
  local image target
  for image in "$@"; do
    target="127.0.0.1:$REGISTRY_PORT/$image"
    docker tag "$image" "$target"
    log "pushing $target"
    docker push "$target" >/dev/null
  done
}
