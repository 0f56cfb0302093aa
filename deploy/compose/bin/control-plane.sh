#!/bin/sh
# The control-plane container: kube-apiserver on loopback, a forwarder for the compose network, then the
# controller-manager and scheduler once the apiserver is ready. Exits (and compose restarts it) if any dies.
set -eu
# The service account signing key lives in a volume, so tokens stay valid across container restarts.
pki=/var/lib/kube-ts/pki
if [ ! -s "$pki/sa.key" ] || [ ! -s "$pki/sa.pub" ]; then
  mkdir -p "$pki"
  chmod 700 "$pki"
  node /opt/kube-ts/bin/sa-keygen.js "$pki/sa.key.tmp" "$pki/sa.pub.tmp"
  mv "$pki/sa.pub.tmp" "$pki/sa.pub"
  mv "$pki/sa.key.tmp" "$pki/sa.key"
fi
node /opt/kube-ts/packages/apiserver/dist/main.js --etcd-servers="$ETCD_SERVERS" --secure-port=6444 \
  --bind-address=127.0.0.1 --insecure-serve-plain-http --service-cluster-ip-range="$SERVICE_CIDR" \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-signing-key-file="$pki/sa.key" --service-account-key-file="$pki/sa.pub" &
apiserver=$!
node /opt/kube-ts/bin/loopback-forward.js 0.0.0.0:6443 127.0.0.1:6444 &
forwarder=$!
until wget -q -O /dev/null http://127.0.0.1:6444/readyz 2>/dev/null; do
  kill -0 "$apiserver" || exit 1
  sleep 0.5
done
echo "kube-apiserver is ready" >&2
/opt/kube-ts/bin/run-daemon.sh controller-manager --kubeconfig=/etc/kube-ts/kubeconfig --bind-address=127.0.0.1 \
  --allocate-node-cidrs=true --cluster-cidr="$CLUSTER_CIDR" --service-cluster-ip-range="$SERVICE_CIDR" &
/opt/kube-ts/bin/run-daemon.sh scheduler --kubeconfig=/etc/kube-ts/kubeconfig --bind-address=127.0.0.1 &
# Any child exiting ends the container; `init: true` reaps and compose restarts it.
wait "$apiserver" "$forwarder"
