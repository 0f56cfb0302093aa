# shellcheck shell=bash
# Local images, built from files on this machine (no registry on the internet is reachable;
# host-environment.md section 2). Each rootfs is packed as a deterministic tar; the tar's sha256 is
# stored as the image label io.kube-ts.rootfs-sha256, so an unchanged input is not imported twice.
# Requires common.sh.

BUSYBOX_IMAGE=kube-ts/busybox:1.36
PAUSE_IMAGE=kube-ts/pause:3.10
NODE_IMAGE=kube-ts/node:20
CORE_IMAGES=("$BUSYBOX_IMAGE" "$PAUSE_IMAGE")

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# pack_rootfs DIR TARFILE: same bytes for the same files, whatever the time or umask.
pack_rootfs() {
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -C "$1" -cf "$2" .
}

# import_rootfs NAME:TAG DIR [--change ...]: imports DIR unless the image already holds the same bytes.
import_rootfs() {
  local image="$1" dir="$2" tarfile sum have
  shift 2
  tarfile="$(mktemp --suffix=.tar)"
  pack_rootfs "$dir" "$tarfile"
  sum="$(sha256sum "$tarfile" | cut -d' ' -f1)"
  have="$(docker image inspect -f '{{index .Config.Labels "io.kube-ts.rootfs-sha256"}}' "$image" 2>/dev/null || true)"
  if [ "$have" = "$sum" ]; then
    log "$image is up to date"
  else
    log "importing $image ($(du -h "$tarfile" | cut -f1))"
    docker import -c "LABEL io.kube-ts.rootfs-sha256=$sum" "$@" "$tarfile" "$image" >/dev/null
  fi
  rm -f "$tarfile"
}

# busybox_rootfs DIR: /bin/busybox, one symlink per applet, passwd/group, a 1777 /tmp.
busybox_rootfs() {
  local root="$1" applet busybox
  busybox="$(command -v busybox-static 2>/dev/null || true)"
  [ -n "$busybox" ] || busybox=/bin/busybox
  file_is_static "$busybox" || die "$busybox is not statically linked (install busybox-static)"
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,root,tmp,var/www,proc,sys,dev}
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list-full); do
    [ "$applet" = bin/busybox ] && continue
    ln -sf /bin/busybox "$root/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
  chmod 1777 "$root/tmp"
  chmod 700 "$root/root"
}

file_is_static() { ! ldd "$1" >/dev/null 2>&1; }

build_busybox() {
  local root
  root="$(mktemp -d)"
  busybox_rootfs "$root"
  import_rootfs "$BUSYBOX_IMAGE" "$root" -c 'ENV PATH=/bin:/sbin:/usr/bin:/usr/sbin' -c 'CMD ["/bin/sh"]'
  rm -rf "$root"
}

# pause: our own C program when a compiler is there, else tini-static in front of busybox sleep.
build_pause() {
  local root
  root="$(mktemp -d)"
  if command -v gcc >/dev/null 2>&1 &&
    gcc -Os -static -s -o "$root/pause" "$KUBE_TS_REPO/scripts/images.d/pause.c" 2>"$root/gcc.log"; then
    rm -f "$root/gcc.log"
    import_rootfs "$PAUSE_IMAGE" "$root" -c 'ENTRYPOINT ["/pause"]'
  else
    [ -f "$root/gcc.log" ] && warn "gcc could not build pause.c: $(head -n3 "$root/gcc.log")"
    local tini
    tini="$(command -v tini-static || command -v docker-init || true)"
    [ -n "$tini" ] && file_is_static "$tini" || die "no gcc and no static tini to build $PAUSE_IMAGE"
    rm -f "$root/gcc.log"
    log "building $PAUSE_IMAGE from $tini (no C compiler)"
    mkdir -p "$root/bin"
    cp "$tini" "$root/tini"
    cp "$(command -v busybox-static 2>/dev/null || echo /bin/busybox)" "$root/bin/busybox"
    import_rootfs "$PAUSE_IMAGE" "$root" -c 'ENTRYPOINT ["/tini", "-s", "--", "/bin/busybox", "sleep", "2147483647"]'
  fi
  rm -rf "$root"
}

# copy_libs ROOT FILE...: copies every shared library the files link into ROOT, at the same paths.
copy_libs() {
  local root="$1" lib
  shift
  for lib in $(ldd "$@" 2>/dev/null | awk '/=> \// { print $3 } /^\t\// { print $1 }' | sort -u); do
    [ -e "$root$lib" ] && continue
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
}

# copy_bins ROOT BIN...: copies each binary (found on PATH) to the same path in ROOT, with its libraries.
copy_bins() {
  local root="$1" bin path
  shift
  for bin in "$@"; do
    path="$(command -v "$bin")" || die "$bin is not installed"
    mkdir -p "$root$(dirname "$path")"
    cp -L "$path" "$root$path"
    copy_libs "$root" "$path"
  done
}

# node: the busybox rootfs plus the host's node binary and every library it links.
build_node() {
  local root node
  root="$(mktemp -d)"
  busybox_rootfs "$root"
  node="$(readlink -f "$(command -v node)")"
  mkdir -p "$root/usr/local/bin"
  cp "$node" "$root/usr/local/bin/node"
  ln -sf /usr/local/bin/node "$root/usr/bin/node"
  copy_libs "$root" "$node"
  import_rootfs "$NODE_IMAGE" "$root" -c 'ENV PATH=/usr/local/bin:/bin:/sbin:/usr/bin:/usr/sbin' -c 'CMD ["node"]'
  rm -rf "$root"
}

ensure_images() {
  local image missing=0
  for image in "${CORE_IMAGES[@]}"; do image_exists "$image" || missing=1; done
  ((missing == 0)) && return 0
  log "building local images (scripts/images)"
  "$KUBE_TS_REPO/scripts/images" >&2
}
