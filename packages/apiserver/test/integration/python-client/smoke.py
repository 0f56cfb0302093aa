"""Drives the apiserver with the official Python client (Debian's python3-kubernetes).

Usage: python3 smoke.py <kubeconfig>; prints one JSON line of observations for the jest test to assert on.
"""
import json
import sys
import threading

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

config.load_kube_config(config_file=sys.argv[1])
core = client.CoreV1Api()
apps = client.AppsV1Api()
ns = "default"
out = {}


def status_of(call):
    try:
        call()
        return "accepted"
    except ApiException as err:
        return err.status


# A watch from "now", started before the writes, collects the event types it sees for our object.
seen = []
started = threading.Event()


def watch_config_maps(resource_version):
    w = watch.Watch()
    started.set()
    for event in w.stream(core.list_namespaced_config_map, ns, label_selector="smoke=py",
                          resource_version=resource_version, timeout_seconds=20):
        obj = event["object"]
        seen.append("%s:%s:%s" % (event["type"], obj.metadata.name, (obj.data or {}).get("k")))
        if event["type"] == "DELETED":
            w.stop()


rv = core.list_namespaced_config_map(ns, label_selector="smoke=py").metadata.resource_version
watcher = threading.Thread(target=watch_config_maps, args=(rv,))
watcher.start()
started.wait()

body = client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py-smoke", labels={"smoke": "py"}), data={"k": "v1"})
created = core.create_namespaced_config_map(ns, body)
out["createdUid"] = bool(created.metadata.uid)
out["duplicateCreate"] = status_of(lambda: core.create_namespaced_config_map(ns, body))
read = core.read_namespaced_config_map("py-smoke", ns)
out["read"] = dict(read.data)
read.data["k"] = "v2"
replaced = core.replace_namespaced_config_map("py-smoke", ns, read)
out["replacedRvChanged"] = replaced.metadata.resource_version != read.metadata.resource_version
out["staleUpdate"] = status_of(lambda: core.replace_namespaced_config_map("py-smoke", ns, read))
# the client sends a dict body as a strategic merge patch and a list body as a JSON patch (RFC 6902)
out["strategicPatched"] = core.patch_namespaced_config_map("py-smoke", ns, {"data": {"k": "v3"}}).data
out["jsonPatched"] = core.patch_namespaced_config_map(
    "py-smoke", ns, [{"op": "add", "path": "/data/extra", "value": "x"}]).data
out["listed"] = [i.metadata.name for i in core.list_namespaced_config_map(ns, label_selector="smoke=py").items]

deployment = client.V1Deployment(
    metadata=client.V1ObjectMeta(name="py-web"),
    spec=client.V1DeploymentSpec(
        replicas=1,
        selector=client.V1LabelSelector(match_labels={"app": "py-web"}),
        template=client.V1PodTemplateSpec(
            metadata=client.V1ObjectMeta(labels={"app": "py-web"}),
            spec=client.V1PodSpec(containers=[client.V1Container(name="web", image="busybox:1.36")]))))
apps.create_namespaced_deployment(ns, deployment)
scaled = apps.patch_namespaced_deployment_scale("py-web", ns, {"spec": {"replicas": 3}})
out["scaledReplicas"] = scaled.spec.replicas
out["deploymentReplicas"] = apps.read_namespaced_deployment("py-web", ns).spec.replicas
out["invalid"] = status_of(lambda: core.create_namespaced_config_map(
    ns, client.V1ConfigMap(metadata=client.V1ObjectMeta(name="Not_Valid"))))
apps.delete_namespaced_deployment("py-web", ns)

core.delete_namespaced_config_map("py-smoke", ns)
out["afterDelete"] = status_of(lambda: core.read_namespaced_config_map("py-smoke", ns))
watcher.join(30)
out["watched"] = seen
print(json.dumps(out))
