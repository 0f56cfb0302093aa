#!/bin/sh
# run-daemon.sh PACKAGE [ARGS...]: runs a kube-ts daemon from /opt/kube-ts, unless its package is still the
# component-base skeleton; then it says so and idles, so compose neither restart-loops nor pretends it works.
set -eu
pkg="$1"
shift
dir="/opt/kube-ts/packages/$pkg/dist"
if [ ! -f "$dir/main.js" ] || grep -rqs 'runSkeleton' "$dir"; then
  echo "$pkg is not implemented yet in this build; idling" >&2
  exec sleep 2147483647
fi
exec node "$dir/main.js" "$@"
