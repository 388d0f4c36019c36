#!/usr/bin/env bash
# Makes the images CI cannot pull: linkgraph-ci/debian:bookworm (debootstrap), linkgraph-ci/node:24-slim,
# linkgraph-ci/postgres:15 and linkgraph-ci/redis:7. Cached between runs on the same machine under
# $CI_CACHE (default /var/cache/linkgraph-ci): the debootstrapped root file system, and the built images
# as one `docker save` archive keyed by the recipes and the Node version.
# Needs DOCKER_HOST pointing at a running daemon and $DKR (scratch dir).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${CI_CACHE:-/var/cache/linkgraph-ci}"
mkdir -p "$cache"
docker="${DOCKER:-/usr/bin/docker}"

ca_bundle="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
key="$(cat "$ca_bundle" "$here"/node.Dockerfile "$here"/postgres.Dockerfile "$here"/postgres-entrypoint.sh "$here"/redis.Dockerfile "$here"/redis-entrypoint.sh | sha256sum | cut -c1-16)-$(node -v)"
images="$cache/images-$key.tar"
if [ -s "$images" ]; then
  echo "base images: from the cache ($images)"
  "$docker" load -q -i "$images"
  exit 0
fi

rootfs_tar="$cache/debian-bookworm-minbase.tar"
if [ ! -s "$rootfs_tar" ]; then
  # The machine's own Debian mirror: `deb` lines (sources.list) or `URIs:` (deb822), not comments; either file may be missing.
  mirror="$({ grep -rhE '^(deb |URIs:)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null || true; } \
    | grep -oE 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -n1 | tr -d ' ' || true)"
  echo "base images: debootstrap bookworm from ${mirror:-http://deb.debian.org/debian}"
  debootstrap --variant=minbase bookworm "$DKR/rootfs" "${mirror:-http://deb.debian.org/debian}" >"$DKR/debootstrap.log" 2>&1 \
    || { tail -20 "$DKR/debootstrap.log"; exit 1; }
  rm -rf "$DKR"/rootfs/var/cache/apt/archives/*.deb "$DKR"/rootfs/var/lib/apt/lists/*
  tar -C "$DKR/rootfs" -c . >"$rootfs_tar.tmp" && mv "$rootfs_tar.tmp" "$rootfs_tar"
  rm -rf "$DKR/rootfs"
fi
"$docker" import - linkgraph-ci/debian:bookworm <"$rootfs_tar"

# The Node 24 binary and npm this script runs on (.ci/run put them first on PATH).
ctx="$DKR/node-context"
mkdir -p "$ctx"
cp "$here/node.Dockerfile" "$ctx/Dockerfile"
cp "$ca_bundle" "$ctx/ca-certificates.crt"
cp "$(readlink -f "$(command -v node)")" "$ctx/node"
strip "$ctx/node" 2>/dev/null || true
cp -r "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$ctx/npm"
"$docker" build -q --network host -t linkgraph-ci/node:24-slim "$ctx"
rm -rf "$ctx"
"$docker" build -q --network host -t linkgraph-ci/postgres:15 -f "$here/postgres.Dockerfile" "$here"
"$docker" build -q --network host -t linkgraph-ci/redis:7 -f "$here/redis.Dockerfile" "$here"

rm -f "$cache"/images-*.tar
"$docker" save linkgraph-ci/debian:bookworm linkgraph-ci/node:24-slim linkgraph-ci/postgres:15 linkgraph-ci/redis:7 >"$images.tmp"
mv "$images.tmp" "$images"
echo "base images: built and cached ($images)"
