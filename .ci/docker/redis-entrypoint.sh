#!/bin/sh
# Like the official image: a bare redis-server (no config file) accepts connections from other containers.
if [ "${1:-}" = redis-server ]; then shift; exec redis-server --protected-mode no "$@"; fi
exec "$@"
