#!/usr/bin/env bash
# `npm run test:images`: builds the two images the project ships (service/Dockerfile and
# packages/secure-fargate-task/init/Dockerfile) on a real Docker engine and runs images/test against them, the way ECS
# runs them. CI runs it after `npm test`, as root, under scripts/with-node22.sh.
#
# - Docker: installs Debian's docker.io (and debootstrap) when missing. Uses the engine DOCKER_HOST names when it is
#   set and answers; otherwise starts its own dockerd (overlay2 storage when the kernel allows it, else vfs; its own
#   data root, socket and exec root in a temporary folder; no bridge and no iptables: builds and containers use the
#   host network) and stops it by PID.
# - The base: no image registry need be reachable, so `node:22-bookworm-slim` is replaced by a stand-in built from
#   Debian's packages and the npm registry's Node 22 (images/base/build.sh says what differs), passed to both
#   Dockerfiles as NODE_IMAGE. Its root filesystem is cached under ~/.cache/twitterstream/images, keyed on its inputs.
# - The images: built from their Dockerfiles unchanged by the classic builder (DOCKER_BUILDKIT=0: BuildKit would
#   fetch the `# syntax=` image), tagged twitterstream-service:ci and secure-fargate-task-init:ci.
#
# Usage: npm run test:images [-- --keep]
#   --keep  leaves the engine and the images in place and prints one line `DOCKER_HOST=...` to reach them.
set -euo pipefail
cd "$(dirname "$0")/.."

keep=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    *) echo "test:images: unknown argument $arg (usage: npm run test:images [-- --keep])" >&2; exit 2 ;;
  esac
done

# npm's version in the official node:22 images (Node 22 bundles npm 10).
NPM_VERSION=10.9.9
BASE_IMAGE=twitterstream-node-standin:22-bookworm-slim
SERVICE_IMAGE=twitterstream-service:ci
INIT_IMAGE=secure-fargate-task-init:ci
export DOCKER_BUILDKIT=0

started=$SECONDS
say() { echo "test:images [$((SECONDS - started))s]: $*" >&2; }

if ! command -v docker >/dev/null || ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
  say "installing docker.io and debootstrap (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends docker.io debootstrap >/dev/null
fi

# The Debian mirror apt uses for bookworm: deb822 .sources files first, then sources.list lines.
debian_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN { RS = ""; FS = "\n" }
      { uri = ""; ok = 0
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) { split($i, u, " "); uri = u[2] }
          if ($i ~ /^Suites:/ && $i ~ /[ \t]bookworm([ \t]|$)/) ok = 1
        }
        if (ok && uri != "") { print uri; exit } }' "$f"
  done | head -1 | grep . && return
  grep -hE '^deb +(\[[^]]*\] +)?[a-z]+://[^ ]+ +bookworm +' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    sed -E 's/^deb +(\[[^]]*\] +)?//' | awk '{ print $1; exit }' | grep . && return
  echo http://deb.debian.org/debian
}

tmp=""
dockerd_pid=""
cleanup() {
  local code=$?
  if [ -n "$dockerd_pid" ] && ! $keep; then
    kill "$dockerd_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.5; done
    # What the engine leaves mounted under its folders (its network namespace file), deepest first.
    awk -v dir="$tmp/" 'index($2, dir) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r -n1 umount -l
    rm -rf "$tmp"
    say "stopped the engine and removed $tmp"
  fi
  exit "$code"
}
trap cleanup EXIT
# Interrupted or stopped: exit, which runs the cleanup above.
trap "exit 130" INT
trap "exit 143" TERM

if [ -n "${DOCKER_HOST:-}" ] && docker version >/dev/null 2>&1; then
  say "using the engine at $DOCKER_HOST"
else
  tmp="$(mktemp -d /tmp/twitterstream-images.XXXXXX)"
  # overlay2 when this kernel mounts overlays on the temporary folder's file system (much faster), else vfs, which
  # works everywhere: every layer a full copy.
  driver=vfs
  mkdir -p "$tmp/probe/lower" "$tmp/probe/upper" "$tmp/probe/work" "$tmp/probe/merged"
  if mount -t overlay overlay -o "lowerdir=$tmp/probe/lower,upperdir=$tmp/probe/upper,workdir=$tmp/probe/work" \
    "$tmp/probe/merged" 2>/dev/null; then
    umount "$tmp/probe/merged"
    driver=overlay2
  fi
  rm -rf "$tmp/probe"
  dockerd --storage-driver="$driver" --data-root "$tmp/data" --exec-root "$tmp/exec" --pidfile "$tmp/dockerd.pid" \
    -H "unix://$tmp/docker.sock" --bridge=none --iptables=false --ip6tables=false >"$tmp/dockerd.log" 2>&1 &
  dockerd_pid=$!
  export DOCKER_HOST="unix://$tmp/docker.sock"
  for _ in $(seq 1 120); do
    docker version >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || { tail -20 "$tmp/dockerd.log" >&2; exit 1; }
    sleep 0.5
  done
  docker version >/dev/null || { tail -20 "$tmp/dockerd.log" >&2; exit 1; }
  say "started dockerd (PID $dockerd_pid, $driver storage) at $DOCKER_HOST"
fi

mirror="$(debian_mirror)"
ca="$(npm config get cafile 2>/dev/null || true)"
[ -n "$ca" ] && [ "$ca" != "null" ] && [ "$ca" != "undefined" ] || ca="${NODE_EXTRA_CA_CERTS:-}"
key="$(
  {
    echo "bookworm minbase $mirror $(node --version) npm@$NPM_VERSION"
    cat images/base/build.sh images/base/docker-entrypoint.sh
    if [ -n "$ca" ] && [ -f "$ca" ]; then cat "$ca"; fi
  } | sha256sum | cut -c1-16
)"
cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/twitterstream/images"
rootfs="$cache/node-standin-$key.tar"
if [ ! -f "$rootfs" ]; then
  say "building the base's root filesystem (debootstrap bookworm from $mirror, Node $(node --version), npm $NPM_VERSION)"
  mkdir -p "$cache"
  rm -f "$cache"/node-standin-*.tar
  images/base/build.sh "$rootfs" "$mirror" "$NPM_VERSION"
fi
say "importing $rootfs as $BASE_IMAGE"
docker import \
  -c "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  -c "ENV NODE_VERSION=$(node --version | cut -c2-)" \
  -c 'ENTRYPOINT ["docker-entrypoint.sh"]' \
  -c 'CMD ["node"]' \
  "$rootfs" "$BASE_IMAGE" >/dev/null

build() {
  local tag=$1 context=$2
  say "building $tag from $context/Dockerfile"
  docker build --network host --build-arg "NODE_IMAGE=$BASE_IMAGE" -t "$tag" "$context" >"${tmp:-/tmp}/build-${tag%%:*}.log" 2>&1 || {
    tail -40 "${tmp:-/tmp}/build-${tag%%:*}.log" >&2
    exit 1
  }
}
build "$SERVICE_IMAGE" service
build "$INIT_IMAGE" packages/secure-fargate-task/init

say "testing the images"
SERVICE_IMAGE="$SERVICE_IMAGE" INIT_IMAGE="$INIT_IMAGE" mocha --no-config --node-option import=tsx --extension ts \
  --timeout 300000 --require ./scripts/mocha-setup.cjs --reporter ./scripts/mocha-reporter.cjs 'images/test/**/*.test.ts'
say "done"
if $keep; then
  echo "DOCKER_HOST=$DOCKER_HOST"
fi
