# shellcheck shell=bash
# Starting, stopping and inspecting supervised processes (scripts/lib/supervise). Requires common.sh.

# supervised_pid NAME: the supervisor's pid if it is alive.
supervised_pid() { read_live_pid "$RUN_DIR/$1.pid"; }
supervised_child_pid() { read_live_pid "$RUN_DIR/$1.child.pid"; }
supervised_state() { cut -d' ' -f1 "$RUN_DIR/$1.state" 2>/dev/null || echo stopped; }

# reap_unsupervised NAME: a child whose supervisor died by SIGKILL (which cannot be trapped) keeps running
# unsupervised and holds its ports. It is ours (owner check), so it is stopped before a new supervisor
# starts; otherwise the new child crash-loops on a busy port while the orphan answers health checks.
reap_unsupervised() {
  local name="$1" child
  supervised_pid "$name" >/dev/null && return 0
  child="$(supervised_child_pid "$name")" || return 0
  warn "$name (pid $child) is running without its supervisor; stopping it to start it supervised again"
  stop_pid "$child" 15
  rm -f "$RUN_DIR/$name.child.pid"
}

# claim_ports NAME VARIABLE=PORT...: before NAME starts, each port must be free. A busy one is refused
# with who holds it and which variable moves it (README.md: up refuses clearly when a port is taken).
claim_ports() {
  local name="$1" pair variable port owner
  shift
  reap_unsupervised "$name"
  for pair in "$@"; do
    variable="${pair%%=*}" port="${pair#*=}"
    port_open "$port" || continue
    owner="$(port_owner "$port")"
    die "port $port is already in use${owner:+ by $owner}, and not by this cluster's $name (KUBE_TS_HOME=$KUBE_TS_HOME). Stop it, or pick another port with $variable."
  done
}

# start_supervised NAME COMMAND...: detached from our session and stdio, so callers (CI, jest's
# execFile) never wait on the daemon's output pipes.
start_supervised() {
  local name="$1" i
  shift
  rm -f "$RUN_DIR/$name.state" "$RUN_DIR/$name.child.pid"
  env "$(owner_env)" setsid "$KUBE_TS_REPO/scripts/lib/supervise" "$name" "$RUN_DIR" "$LOG_DIR/$name.log" -- "$@" \
    </dev/null >>"$LOG_DIR/$name.log" 2>&1 9>&- &
  # The supervisor writes its own pid file; wait for it so later steps can rely on it.
  for ((i = 0; i < 50; i++)); do
    [ -s "$RUN_DIR/$name.pid" ] && return 0
    sleep 0.1
  done
  die "supervisor for $name did not start (see $LOG_DIR/$name.log)"
}

# stop_supervised NAME: stops the supervisor (which stops its child), then anything left over.
stop_supervised() {
  local name="$1" sup child
  sup="$(supervised_pid "$name" || true)"
  child="$(supervised_child_pid "$name" || true)"
  [ -n "$sup" ] && stop_pid "$sup" 25
  # A supervisor killed with SIGKILL leaves its child behind: stop that one directly.
  child="$(read_live_pid "$RUN_DIR/$name.child.pid" || echo "$child")"
  [ -n "$child" ] && stop_pid "$child" 15
  rm -f "$RUN_DIR/$name.pid" "$RUN_DIR/$name.child.pid"
  [ -f "$RUN_DIR/$name.state" ] && echo "stopped 0" >"$RUN_DIR/$name.state"
  return 0
}
