#!/usr/bin/env bash
# A Docker-compatible API for nbci's container tests, served by podman, with no registry and no
# edits under /etc. See docs/containers.md.
#
#   scripts/podman-service.sh start    install podman if missing (apt, as root), write its config,
#                                      build the images the tests need (cached), start the API
#   scripts/podman-service.sh stop     remove every container and network nbci created (label
#                                      io.nbci.managed), stop the API service; images stay cached
#   scripts/podman-service.sh images   (re)build the images only (service not needed)
#   scripts/podman-service.sh env      print "export DOCKER_HOST=..." for a shell
#
# Everything lives in NBCI_PODMAN_HOME (default ~/.cache/nbci/podman): containers.conf,
# storage.conf, the image storage (kept between runs: that is the image cache), and run/ (socket,
# pid, runroot; removed by stop). `start` never fails the build: when podman cannot be installed
# or started it says why, writes run/unavailable and exits 0 so the container ITs skip with that
# message; NBCI_PODMAN_REQUIRED=true makes that an error (exit 3).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
home="${NBCI_PODMAN_HOME:-$HOME/.cache/nbci/podman}"
run="$home/run"
sock="$run/podman.sock"
export CONTAINERS_CONF="$home/containers.conf"
export CONTAINERS_STORAGE_CONF="$home/storage.conf"

say() { echo "podman-service: $*" >&2; }

unavailable() {
  mkdir -p "$run"
  echo "$*" > "$run/unavailable"
  say "container tests will be skipped: $*"
  if [ "${NBCI_PODMAN_REQUIRED:-false}" = "true" ]; then exit 3; fi
  exit 0
}

install_podman() {
  local missing=()
  for tool in podman runc busybox debootstrap newuidmap; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
    unavailable "missing ${missing[*]}; install as root: apt-get install podman runc uidmap busybox-static debootstrap"
  fi
  say "installing podman runc uidmap busybox-static debootstrap (missing: ${missing[*]})"
  apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc uidmap busybox-static debootstrap \
    >/dev/null 2>&1 || unavailable "apt-get install podman runc uidmap busybox-static debootstrap failed"
}

write_config() {
  mkdir -p "$home/storage" "$run/root" "$run/tmp" "$home/networks"
  # root cannot raise RLIMIT hard limits here: nofile <= 20000, nproc <= 32768; crun fails on
  # hybrid cgroups, so runc; no journald/systemd, so file loggers and cgroupfs
  cat > "$CONTAINERS_CONF" <<EOF
# written by scripts/podman-service.sh
[containers]
log_driver = "k8s-file"
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
runtime = "runc"
tmp_dir = "$run/tmp"
[network]
network_backend = "netavark"
network_config_dir = "$home/networks"
EOF
  cat > "$CONTAINERS_STORAGE_CONF" <<EOF
# written by scripts/podman-service.sh
[storage]
driver = "overlay"
graphroot = "$home/storage"
runroot = "$run/root"
EOF
}

has_image() { podman image exists "$1" 2>/dev/null; }

# localhost/nbci-busybox:1 - a 2 MB image for job-container and failure tests
build_busybox() {
  has_image localhost/nbci-busybox:1 && return 0
  local rootfs; rootfs="$(mktemp -d)"
  mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc" "$rootfs/proc" "$rootfs/sys" "$rootfs/dev"
  cp "$(command -v busybox)" "$rootfs/bin/busybox"
  for applet in $("$rootfs/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
  done
  echo "root:x:0:0:root:/root:/bin/sh" > "$rootfs/etc/passwd"
  tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/sh"]' - localhost/nbci-busybox:1 >/dev/null 2>&1
  rm -rf "$rootfs"
  say "built localhost/nbci-busybox:1"
}

# localhost/nbci-standin:1 - answers like apache/hadoop (hdfs namenode|datanode) and apache/hive
# (SERVICE_NAME=metastore|hiveserver2) on their documented ports, for the official-images IT
build_standin() {
  has_image localhost/nbci-standin:1 && return 0
  local context; context="$(mktemp -d)"
  cat > "$context/standin.sh" <<'SH'
#!/bin/sh
# stand-in for the official images: listens where they listen, logs what HiveServer2 logs
mkdir -p /www/webhdfs/v1 && echo '{"FileStatus":{"type":"DIRECTORY"}}' > /www/webhdfs/v1/index.html
case "$1 $2 ${SERVICE_NAME:-}" in
  "hdfs namenode "*) echo "standin namenode"; httpd -p 8020 -h /www; exec httpd -f -p 9870 -h /www ;;
  "hdfs datanode "*) echo "standin datanode"; exec httpd -f -p 9864 -h /www ;;
  *metastore) echo "standin metastore"; exec httpd -f -p 9083 -h /www ;;
  *hiveserver2) echo "Starting HiveServer2"; exec httpd -f -p 10000 -h /www ;;
  *) echo "standin: unknown service '$*' '${SERVICE_NAME:-}'"; exit 2 ;;
esac
SH
  chmod +x "$context/standin.sh"
  printf 'FROM localhost/nbci-busybox:1\nCOPY standin.sh /standin.sh\nENTRYPOINT ["/standin.sh"]\n' > "$context/Containerfile"
  podman build -q --pull=never -t localhost/nbci-standin:1 -f "$context/Containerfile" "$context" >/dev/null 2>&1 \
    || say "could not build localhost/nbci-standin:1 (official-images IT will fail)"
  rm -rf "$context"
}

# localhost/nbci-jre:17 - Debian bookworm minbase + openjdk-17-jre-headless (no registry: debootstrap)
build_jre() {
  has_image localhost/nbci-jre:17 && return 0
  local saved="$home/nbci-jre-17.tar.gz"
  if [ -f "$saved" ]; then
    gunzip -c "$saved" | podman load >/dev/null && has_image localhost/nbci-jre:17 && { say "loaded nbci-jre:17 from $saved"; return 0; }
  fi
  local mirror rootfs t0=$SECONDS
  mirror="$(sed -n -e 's/^URIs: *\(http[^ ]*\/debian\/\{0,1\}\)$/\1/p' -e 's/^deb \(http[^ ]*\/debian\/\{0,1\}\) .*/\1/p' \
    /etc/apt/sources.list.d/* /etc/apt/sources.list 2>/dev/null | head -1)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  rootfs="$(mktemp -d)"
  say "building localhost/nbci-jre:17 with debootstrap from $mirror (about a minute, once)"
  if ! debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" "$mirror" \
      > "$run/debootstrap.log" 2>&1; then
    rm -rf "$rootfs"
    unavailable "debootstrap of the JRE base image failed (see $run/debootstrap.log)"
  fi
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - localhost/nbci-jre:17 >/dev/null 2>&1
  rm -rf "$rootfs"
  podman save localhost/nbci-jre:17 | gzip -1 > "$saved.tmp" && mv "$saved.tmp" "$saved"
  say "built localhost/nbci-jre:17 in $((SECONDS - t0)) s (saved to $saved)"
}

# localhost/nbci-cluster:VERSION - cluster-runtime/src/main/container/Containerfile on the JRE base,
# with the launcher jar and its runtime classpath (cluster-runtime must be packaged first)
build_cluster() {
  local target="$repo/cluster-runtime/target"
  local version; version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$repo/pom.xml" | head -1)"
  local tag="localhost/nbci-cluster:$version"
  local jar="$target/nbci-cluster-runtime-$version.jar"
  if [ ! -f "$target/runtime.classpath" ] || [ ! -f "$jar" ]; then
    say "cluster-runtime not packaged ($jar missing): skipping $tag (mvn -pl cluster-runtime package)"
    return 0
  fi
  local hash
  hash="$( (cat "$target/runtime.classpath"; find "$target/classes" -type f -exec sha256sum {} + | sort) | sha256sum | cut -c1-16)"
  if has_image "$tag" && [ "$(podman image inspect --format '{{index .Labels "io.nbci.content"}}' "$tag")" = "$hash" ]; then
    return 0
  fi
  local context="$target/container"
  rm -rf "$context" && mkdir -p "$context/lib"
  cp "$repo/cluster-runtime/src/main/container/Containerfile" "$context/"
  { tr ':' '\n' < "$target/runtime.classpath"; echo; } | while read -r dep; do
    [ -n "$dep" ] && { ln "$dep" "$context/lib/" 2>/dev/null || cp "$dep" "$context/lib/"; }
  done
  mkdir -p "$context/app" && cp "$jar" "$context/app/nbci-cluster-runtime.jar"
  local t0=$SECONDS
  podman build -q --pull=never --build-arg JRE_IMAGE=localhost/nbci-jre:17 --label "io.nbci.content=$hash" \
    -t "$tag" -f "$context/Containerfile" "$context" >/dev/null || unavailable "podman build of $tag failed"
  rm -rf "$context"
  podman image prune -f >/dev/null 2>&1
  say "built $tag in $((SECONDS - t0)) s"
}

start_service() {
  if [ -f "$run/service.pid" ] && kill -0 "$(cat "$run/service.pid")" 2>/dev/null && [ -S "$sock" ]; then
    return 0
  fi
  rm -f "$sock"
  nohup podman system service --time=0 "unix://$sock" > "$run/service.log" 2>&1 &
  echo $! > "$run/service.pid"
  for _ in $(seq 1 100); do
    [ -S "$sock" ] && return 0
    sleep 0.1
  done
  unavailable "podman system service did not create $sock (see $run/service.log)"
}

remove_created() {
  command -v podman >/dev/null 2>&1 || return 0
  [ -f "$CONTAINERS_CONF" ] || return 0
  local ids
  ids="$(podman ps -aq --filter label=io.nbci.managed=true 2>/dev/null)"
  [ -n "$ids" ] && podman rm -f -t 2 $ids >/dev/null 2>&1
  ids="$(podman network ls -q --filter label=io.nbci.managed=true 2>/dev/null)"
  [ -n "$ids" ] && podman network rm -f $ids >/dev/null 2>&1
  return 0
}

case "${1:-}" in
  start)
    rm -f "$run/unavailable"
    install_podman
    write_config
    podman info >/dev/null 2>&1 || unavailable "podman info fails with $CONTAINERS_CONF: $(podman info 2>&1 | tail -1)"
    build_busybox
    build_standin
    build_jre
    build_cluster
    start_service
    echo "unix://$sock" > "$run/docker-host"
    say "Docker API at unix://$sock (export DOCKER_HOST=unix://$sock)"
    ;;
  images)
    install_podman
    write_config
    build_busybox
    build_standin
    build_jre
    build_cluster
    ;;
  stop)
    remove_created
    if [ -f "$run/service.pid" ]; then
      pid="$(cat "$run/service.pid")"
      kill "$pid" 2>/dev/null && for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null
    fi
    rm -rf "$run"
    say "stopped; images kept in $home/storage"
    ;;
  env)
    echo "export DOCKER_HOST=unix://$sock CONTAINERS_CONF=$CONTAINERS_CONF CONTAINERS_STORAGE_CONF=$CONTAINERS_STORAGE_CONF"
    ;;
  *)
    echo "usage: $0 start|stop|images|env" >&2
    exit 2
    ;;
esac
