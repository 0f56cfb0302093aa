# shellcheck shell=bash
# dockerd: used when it already runs; otherwise started by us, remembered in run/dockerd.pid so
# that `cluster down` stops only a dockerd this cluster started. Requires common.sh.

docker_ready() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

dockerd_start() {
  if docker_ready; then
    if read_live_pid "$RUN_DIR/dockerd.pid" >/dev/null; then
      log "dockerd already running (started by this cluster, pid $(cat "$RUN_DIR/dockerd.pid"))"
    else
      log "dockerd already running (not ours; it will be left alone)"
    fi
    return 0
  fi
  command -v dockerd >/dev/null 2>&1 || die "dockerd is not installed"
  local pid
  if pid="$(read_live_pid "$RUN_DIR/dockerd.pid")"; then
    log "waiting for our dockerd (pid $pid) to answer"
  else
    [ -S /var/run/docker.sock ] && ! docker_ready && as_root rm -f /var/run/docker.sock /var/run/docker.pid
    log "starting dockerd (log: $LOG_DIR/dockerd.log)"
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    # Started directly (not through a function) so $! is dockerd itself (or sudo, which relays signals).
    env "$(owner_env)" "${sudo[@]}" env "$(owner_env)" setsid dockerd </dev/null >>"$LOG_DIR/dockerd.log" 2>&1 9>&- &
    echo $! >"$RUN_DIR/dockerd.pid"
  fi
  if ! wait_until 60 "dockerd to answer" docker_ready; then
    log_tail "$LOG_DIR/dockerd.log"
    die "dockerd did not start"
  fi
  log "dockerd is ready (pid $(cat "$RUN_DIR/dockerd.pid"))"
}

dockerd_ours() { read_live_pid "$RUN_DIR/dockerd.pid" >/dev/null; }

dockerd_stop() {
  local pid
  pid="$(read_live_pid "$RUN_DIR/dockerd.pid")" || return 0
  log "stopping dockerd (pid $pid, started by this cluster)"
  stop_pid "$pid" 30
  rm -f "$RUN_DIR/dockerd.pid"
}

# Removes the containers a kubelet of this cluster created (label io.kube-ts.managed=true).
remove_managed_containers() {
  docker_ready || return 0
  local ids
  ids="$(docker ps -aq --filter label=io.kube-ts.managed=true)"
  [ -z "$ids" ] && return 0
  log "removing $(echo "$ids" | wc -l) container(s) labelled io.kube-ts.managed=true"
  # shellcheck disable=SC2086
  docker rm -f $ids >/dev/null
}
