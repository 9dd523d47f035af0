# syntax=docker/dockerfile:1
# One image for every role; FUNC picks it (server, local_worker, monitoring_worker, all).

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# Dependencies first, so that source changes reuse the cached layer.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY common/pom.xml common/
COPY schema/pom.xml schema/
COPY testing/pom.xml testing/
COPY api-server/pom.xml api-server/
COPY local-worker/pom.xml local-worker/
COPY monitoring-worker/pom.xml monitoring-worker/
COPY launcher/pom.xml launcher/
COPY system-tests/pom.xml system-tests/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl api-server,local-worker,monitoring-worker,launcher -am dependency:go-offline || true
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
USER upwatch:upwatch
ENV FUNC=server \
    JAVA_OPTS="" \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -XX:+UseContainerSupport"
EXPOSE 8080 8081 8082
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["/app/entrypoint.sh"]
