#!/bin/sh
# Starts the role named by FUNC, as the original image did: server (default), local_worker,
# monitoring_worker or all. How a role runs (JVM flags included) is bin/run-role's to say.
exec /app/bin/run-role "${FUNC:-server}" "$@"
