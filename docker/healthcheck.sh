#!/bin/bash
# Container health: the role's readiness probe (FUNC=all: the API's). No curl in the image.
port="${SERVER_PORT:-}"
if [ -z "$port" ]; then
  case "${FUNC:-server}" in
    local_worker|local-worker) port=8081 ;;
    monitoring_worker|monitoring-worker) port=8082 ;;
    *) port=8080 ;;
  esac
fi
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
head -n 1 <&3 | grep -q ' 200 '
