# shellcheck shell=bash
# Shared helpers for scripts/*: paths, defaults, logging, pid files and waiting.
# Sourced, never executed. Every variable a user may set is listed in README.md ("Environment").

KUBE_TS_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KUBE_TS_HOME="${KUBE_TS_HOME:-$HOME/.kube-ts}"
ETCD_PORT="${KUBE_TS_ETCD_PORT:-2379}"
ETCD_PEER_PORT="${KUBE_TS_ETCD_PEER_PORT:-2380}"
API_PORT="${KUBE_TS_API_PORT:-6443}"
SCHEDULER_PORT="${KUBE_TS_SCHEDULER_PORT:-10259}"
CONTROLLER_MANAGER_PORT="${KUBE_TS_CONTROLLER_MANAGER_PORT:-10257}"
CLOUD_CONTROLLER_MANAGER_PORT="${KUBE_TS_CLOUD_CONTROLLER_MANAGER_PORT:-10258}"
KUBELET_HEALTHZ_PORT="${KUBE_TS_KUBELET_HEALTHZ_PORT:-10248}"
KUBELET_PORT="${KUBE_TS_KUBELET_PORT:-10250}"
KUBE_PROXY_HEALTHZ_PORT="${KUBE_TS_KUBE_PROXY_HEALTHZ_PORT:-10256}"
KUBE_PROXY_METRICS_PORT="${KUBE_TS_KUBE_PROXY_METRICS_PORT:-10249}"
DNS_PORT="${KUBE_TS_DNS_PORT:-10053}"
DNS_HEALTH_PORT="${KUBE_TS_DNS_HEALTH_PORT:-10054}"
REGISTRY_PORT="${KUBE_TS_REGISTRY_PORT:-5000}"
SERVICE_CIDR="${KUBE_TS_SERVICE_CIDR:-10.96.0.0/12}"
CLUSTER_CIDR="${KUBE_TS_CLUSTER_CIDR:-10.244.0.0/16}"
NODE_NAME="${KUBE_TS_NODE_NAME:-$(hostname 2>/dev/null || echo kube-ts-node)}"
RUN_DIR="$KUBE_TS_HOME/run"
LOG_DIR="$KUBE_TS_HOME/logs"
KUBECONFIG_PATH="$KUBE_TS_HOME/kubeconfig"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
warn() { printf '%s WARNING: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf '%s ERROR: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; exit 1; }

# Daemon arguments are split on whitespace, so the home directory must not contain any.
check_home() {
  case "$KUBE_TS_HOME" in
    *[[:space:]]*) die "KUBE_TS_HOME must not contain whitespace: '$KUBE_TS_HOME'" ;;
    /*) ;;
    *) die "KUBE_TS_HOME must be an absolute path: '$KUBE_TS_HOME'" ;;
  esac
  mkdir -p "$RUN_DIR" "$LOG_DIR"
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# Every process we start carries KUBE_TS_OWNER=<its run dir> in its environment. A pid file is only
# trusted when its process still does: after a reboot the pid may belong to something else.
owner_env() { echo "KUBE_TS_OWNER=$RUN_DIR"; }
pid_ours() { tr '\0' '\n' 2>/dev/null <"/proc/$1/environ" | grep -qxF "$(owner_env)"; }

# Prints the pid stored in a pid file if that process is alive and ours; removes a stale file.
read_live_pid() {
  local file="$1" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file" 2>/dev/null || true)"
  if pid_alive "$pid" && pid_ours "$pid"; then echo "$pid"; return 0; fi
  rm -f "$file"
  return 1
}

# TERM, then KILL after a grace period. Only ever called with pids from our own pid files.
stop_pid() {
  local pid="$1" grace="${2:-15}" i
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    pid_alive "$pid" || return 0
    sleep 0.1
  done
  warn "pid $pid did not stop within ${grace}s, killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do pid_alive "$pid" || return 0; sleep 0.1; done
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Describes which process listens on a port, for error messages (best effort).
port_owner() {
  if command -v ss >/dev/null 2>&1; then
    ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n1
  fi
}

# HTTP GET that succeeds on a 2xx answer; node is always there, curl may not be.
http_ok() { node "$KUBE_TS_REPO/scripts/lib/http-ok.js" "$1" >/dev/null 2>&1; }

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.2 s.
wait_until() {
  local timeout="$1" what="$2" deadline
  shift 2
  deadline=$((SECONDS + timeout))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      warn "timed out after ${timeout}s waiting for $what"
      return 1
    fi
    sleep 0.2
  done
}

log_tail() {
  local file="$1"
  [ -f "$file" ] || return 0
  printf -- '--- last lines of %s ---\n' "$file" >&2
  tail -n "${2:-30}" "$file" >&2
  printf -- '---\n' >&2
}
