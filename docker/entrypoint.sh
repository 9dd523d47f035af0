#!/bin/sh
# Starts the role named by FUNC, as the original image did.
#   server (default) | api-server     the REST API
#   local_worker     | local-worker   scheduler, ingestion, alerts
#   monitoring_worker| monitoring-worker  the prober
#   all                               every role in one JVM (small installs)
set -eu
cd /app
case "${FUNC:-server}" in
  server|api-server|api_server)
    exec java $JAVA_OPTS -jar api-server.jar "$@" ;;
  local_worker|local-worker)
    exec java $JAVA_OPTS -jar local-worker.jar "$@" ;;
  monitoring_worker|monitoring-worker)
    exec java $JAVA_OPTS -jar monitoring-worker.jar "$@" ;;
  all)
    exec java $JAVA_OPTS -cp launcher.jar:api-server.jar io.upwatch.launcher.AllInOne \
      api-server=api-server.jar local-worker=local-worker.jar monitoring-worker=monitoring-worker.jar ;;
  *)
    echo "Unknown FUNC '${FUNC}': use server, local_worker, monitoring_worker or all" >&2
    exit 64 ;;
esac
