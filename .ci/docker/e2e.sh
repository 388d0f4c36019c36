#!/usr/bin/env bash
# The Docker proof, called by .ci/run: a private dockerd in a scratch dir, the base images (cached under
# /var/cache/linkgraph-ci), the Linkgraph image, the compose stack (compose.yaml + the CI override),
# the end-to-end check from the host, then everything torn down — also on failure.
# Never touches the host firewall (--iptables=false). Needs: docker.io, docker-compose, debootstrap.
set -euo pipefail
cd "$(dirname "$0")/../.."
DKR="${LINKGRAPH_DOCKER_DIR:-$(mktemp -d /tmp/linkgraph-docker.XXXXXX)}"
mkdir -p "$DKR"
export DKR DOCKER_HOST="unix://$DKR/docker.sock"
docker=/usr/bin/docker
ports_base="${CI_PORT_BASE:-43100}"
subnet_prefix="172.29.231"
compose=(docker-compose -p linkgraph-ci -f compose.yaml -f .ci/docker/compose.ci.yaml --env-file "$DKR/ci.env")

cleanup() {
  local status=$?
  set +e
  if [ -S "$DKR/docker.sock" ]; then
    [ "$status" = 0 ] || "${compose[@]}" logs --no-color --tail=40 2>/dev/null | tail -n 200
    "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1
  fi
  if [ -s "$DKR/docker.pid" ]; then
    kill "$(cat "$DKR/docker.pid")" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$(cat "$DKR/docker.pid" 2>/dev/null)" 2>/dev/null || break; sleep 1; done
  fi
  umount "$DKR/exec/netns/default" 2>/dev/null
  grep -o " $DKR/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null
  rm -rf "$DKR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "docker: daemon in $DKR"
setsid dockerd --host "$DOCKER_HOST" --data-root "$DKR/data" --exec-root "$DKR/exec" --pidfile "$DKR/docker.pid" \
  --iptables=false --bridge=none >"$DKR/dockerd.log" 2>&1 </dev/null &
for _ in $(seq 1 60); do "$docker" info >/dev/null 2>&1 && break; sleep 1; done
"$docker" info >/dev/null || { tail -20 "$DKR/dockerd.log"; exit 1; }

bash .ci/docker/base-images.sh

started=$(date +%s)
"$docker" build -q --network host --build-arg NODE_IMAGE=linkgraph-ci/node:24-slim -t linkgraph:ci . >/dev/null
echo "image: linkgraph:ci built in $(( $(date +%s) - started )) s, $(( $("$docker" image inspect -f '{{.Size}}' linkgraph:ci) / 1000000 )) MB"

# The webhook receiver's certificate, for the gateway address the worker container reaches the host on.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=linkgraph-ci-receiver \
  -addext "subjectAltName=IP:$subnet_prefix.1" -keyout "$DKR/receiver.key" -out "$DKR/receiver.crt" 2>/dev/null
chmod 644 "$DKR/receiver.crt"

cat >"$DKR/ci.env" <<ENV
LINKGRAPH_IMAGE=linkgraph:ci
POSTGRES_PASSWORD=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
APP1_PORT=127.0.0.1:$((ports_base + 1))
APP2_PORT=127.0.0.1:$((ports_base + 2))
PUBLIC_BASE_URL=http://127.0.0.1:$((ports_base + 1))
CI_SUBNET=$subnet_prefix.0/24
WEBHOOK_ALLOWED_HOSTS=$subnet_prefix.1
CI_RECEIVER_CERT=$DKR/receiver.crt
ENV

echo "compose: up"
"${compose[@]}" up -d --no-build
for port in $((ports_base + 1)) $((ports_base + 2)); do
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 1; done
done
"${compose[@]}" ps

APP1="http://127.0.0.1:$((ports_base + 1))" APP2="http://127.0.0.1:$((ports_base + 2))" \
  RECEIVER_HOST="$subnet_prefix.1" RECEIVER_PORT="$((ports_base + 3))" \
  RECEIVER_KEY="$DKR/receiver.key" RECEIVER_CERT="$DKR/receiver.crt" node .ci/docker/e2e-check.mjs
