# One image for every role; FUNC picks it (server, local_worker, monitoring_worker, all).

FROM eclipse-temurin:25-jdk AS build-files
WORKDIR /src
COPY . .
# Only what resolving dependencies reads. The poms are found, not listed: Maven refuses the whole
# reactor when one module's pom is missing, so a hand-kept list breaks with each new module.
RUN find . -type f ! -name pom.xml ! -name mvnw ! -path './.mvn/*' -delete \
 && find . -depth -type d -empty -delete

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# COPY --from is cached by content, so go-offline reruns only when a pom changes, not on every
# source edit. It fetches the declared dependencies and plugins; what plugins load at run time
# (the formatter, for one) still comes in with the package step.
COPY --from=build-files /src/ ./
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl api-server,local-worker,monitoring-worker,launcher -am dependency:go-offline
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests -pl api-server,local-worker,monitoring-worker,launcher -am package \
 && mkdir /out \
 && cp api-server/target/upwatch-api-server-*.jar /out/api-server.jar \
 && cp local-worker/target/upwatch-local-worker-*.jar /out/local-worker.jar \
 && cp monitoring-worker/target/upwatch-monitoring-worker-*.jar /out/monitoring-worker.jar \
 && cp launcher/target/upwatch-launcher-*.jar /out/launcher.jar

FROM eclipse-temurin:25-jre
RUN groupadd --system upwatch && useradd --system --gid upwatch --home-dir /app upwatch
WORKDIR /app
COPY --from=build /out/ /app/
COPY docker/entrypoint.sh docker/healthcheck.sh /app/
COPY bin/run-role /app/bin/
USER upwatch:upwatch
# JVM flags are bin/run-role's, the same for every way of running a role; JAVA_OPTS adds to them.
ENV FUNC=server \
    UPWATCH_JARS=/app \
    JAVA_OPTS=""
EXPOSE 8080 8081 8082
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["/app/entrypoint.sh"]
