# Drives a scripts/cluster up cluster with the official Python client (Debian's python3-kubernetes), loading
# the kubeconfig `up` wrote. Usage: /usr/bin/python3 python-client-check.py <kubeconfig> <name>
# Prints one JSON line of observations for client-libraries.e2e.test.ts to assert on.
import json
import sys
import threading
import time

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

kubeconfig, name = sys.argv[1], sys.argv[2]
config.load_kube_config(config_file=kubeconfig)
core = client.CoreV1Api()
ns = 'default'
out = {}
events = []


def watch_configmaps():
    for event in watch.Watch().stream(core.list_namespaced_config_map, ns, label_selector='check=' + name, timeout_seconds=6):
        obj = event['object']
        events.append('%s:%s:%s' % (event['type'], obj.metadata.name, (obj.data or {}).get('k', '')))


watcher = threading.Thread(target=watch_configmaps)
watcher.start()
time.sleep(1)
core.create_namespaced_config_map(ns, {'metadata': {'name': name, 'labels': {'check': name}}, 'data': {'k': 'v1'}})
out['listed'] = [item.metadata.name for item in core.list_namespaced_config_map(ns, label_selector='check=' + name).items]
# A dict body is sent as a strategic merge patch, a list as a JSON patch.
out['strategic'] = core.patch_namespaced_config_map(name, ns, {'data': {'k': 'v2'}}).data
out['json'] = core.patch_namespaced_config_map(name, ns, [{'op': 'replace', 'path': '/data/k', 'value': 'v3'}]).data
try:
    core.read_namespaced_config_map(name + '-missing', ns)
    out['missing'] = 'found'
except ApiException as err:
    out['missing'] = [err.status, json.loads(err.body)['reason']]
core.delete_namespaced_config_map(name, ns)
out['version'] = client.VersionApi().get_code().git_version
watcher.join()
out['events'] = events
print(json.dumps(out))
