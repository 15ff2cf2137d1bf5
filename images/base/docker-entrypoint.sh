#!/bin/sh
# The stand-in base image's entrypoint, behaving as the official node image's docker-entrypoint.sh: arguments that
# start with "-", or whose first word is not a command, are given to node; then the command replaces this shell
# (exec), so the command keeps this process's PID and receives the container's signals itself.
set -e
if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1")" ] || { [ -f "$1" ] && ! [ -x "$1" ]; }; then
  set -- node "$@"
fi
exec "$@"
