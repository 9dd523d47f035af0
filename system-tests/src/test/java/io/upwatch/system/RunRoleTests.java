package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/run-role, the one launch of a role (the image, ./upwatch, the benchmarks and the system tests
 * use it), run with a stand-in java that prints the command line it was given.
 */
class RunRoleTests {

  private static final Path ROOT = Path.of(System.getProperty("upwatch.root", ".."));

  @TempDir Path jars;

  @Test
  void everyFuncNameStartsItsRoleJarWithTheSharedFlags() throws Exception {
    Map<String, String> roles =
        Map.of(
            "server", "api-server",
            "api-server", "api-server",
            "local_worker", "local-worker",
            "monitoring_worker", "monitoring-worker");
    for (var role : roles.entrySet()) {
      Run run = run(role.getKey(), "");

      assertThat(run.exit()).isZero();
      assertThat(run.args())
          .as(role.getKey())
          .contains(
              "-XX:+UseSerialGC",
              "-Xss512k",
              "-XX:MaxRAMPercentage=75",
              "-XX:InitialRAMPercentage=25",
              "-XX:+ExitOnOutOfMemoryError")
          .endsWith("-jar", jars.resolve(role.getValue() + ".jar").toString());
    }
  }

  @Test
  void monitoringWorkerHasItsFixedHeapAndJavaOptsComeLastSoTheyWin() throws Exception {
    List<String> args = run("monitoring_worker", "-Xmx256m").args();

    assertThat(args)
        .containsSubsequence("-Xms32m", "-Xmx48m", "-XX:SurvivorRatio=2", "-Xmx256m", "-jar");
    assertThat(run("server", "").args()).doesNotContain("-Xmx48m");
  }

  @Test
  void aRolesOwnJavaOptsComeAfterTheSharedOnesAndReachNoOtherRole() throws Exception {
    Map<String, String> env = Map.of("JAVA_OPTS_MONITORING_WORKER", "-Xmx96m -Xmn64m");

    assertThat(run("monitoring_worker", "-Xmx256m", env).args())
        .containsSubsequence("-Xmx48m", "-Xmx256m", "-Xmx96m", "-Xmn64m", "-jar");
    assertThat(run("local_worker", "", env).args()).doesNotContain("-Xmx96m");
  }

  @Test
  void allRunsTheLauncherWithEveryRolesJar() throws Exception {
    List<String> args = run("all", "").args();

    assertThat(args)
        .containsSubsequence(
            "-cp",
            jars.resolve("launcher.jar") + ":" + jars.resolve("api-server.jar"),
            "io.upwatch.launcher.AllInOne",
            "api-server=" + jars.resolve("api-server.jar"),
            "local-worker=" + jars.resolve("local-worker.jar"),
            "monitoring-worker=" + jars.resolve("monitoring-worker.jar"));
  }

  @Test
  void unknownRoleIsRefusedWithUsageExitCode() throws Exception {
    Run run = run("prober", "");

    assertThat(run.exit()).isEqualTo(64);
    assertThat(run.args()).isEmpty();
  }

  /** Outside a container the JVM gets the memory its Kubernetes manifest gives the role. */
  @Test
  void memoryCapIsTheRolesKubernetesMemoryLimit() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String role : List.of("api-server", "local-worker", "monitoring-worker")) {
      JsonNode container =
          yaml.readTree(ROOT.resolve("deploy/k8s/" + role + ".yaml").toFile())
              .at("/spec/template/spec/containers/0");
      String limit = container.at("/resources/limits/memory").asText();
      List<String> maxRam =
          run(role, "").args().stream().filter(a -> a.startsWith("-XX:MaxRAM=")).toList();

      // Absent only when this test itself runs under a memory limit (the JVM then uses that).
      assertThat(maxRam)
          .as(role)
          .allSatisfy(
              flag ->
                  assertThat(flag)
                      .isEqualTo("-XX:MaxRAM=" + limit.replace("Mi", "m").replace("Gi", "g")));
    }
  }

  @Test
  void everyOtherWayOfRunningARoleLeavesItsJvmFlagsToRunRole() throws Exception {
    List<Path> files = new java.util.ArrayList<>();
    for (String file :
        List.of(
            "Dockerfile",
            "docker/entrypoint.sh",
            "docker-compose.yml",
            "docker-compose.experiment.yml",
            "upwatch",
            "bench/src/main/java/io/upwatch/bench/Bench.java")) {
      files.add(ROOT.resolve(file));
    }
    try (var manifests = Files.list(ROOT.resolve("deploy/k8s"))) {
      manifests.forEach(files::add);
    }
    for (Path file : files) {
      assertThat(Files.readString(file))
          .as(file.toString())
          .doesNotContainPattern("-XX:|-Xm[sx]\\d|-Xss|JAVA_TOOL_OPTIONS");
    }
    assertThat(Files.readString(ROOT.resolve("docker/entrypoint.sh")))
        .contains("exec /app/bin/run-role \"${FUNC:-server}\"");
  }

  private Run run(String role, String javaOpts) throws Exception {
    return run(role, javaOpts, Map.of());
  }

  private Run run(String role, String javaOpts, Map<String, String> env) throws Exception {
    for (String jar : List.of("api-server", "local-worker", "monitoring-worker", "launcher")) {
      Files.writeString(jars.resolve(jar + ".jar"), "");
    }
    Path java = jars.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    var builder =
        new ProcessBuilder(ROOT.resolve("bin/run-role").toString(), role)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("UPWATCH_JARS", jars.toString());
    builder.environment().put("JAVA", java.toString());
    builder.environment().put("JAVA_OPTS", javaOpts);
    builder.environment().putAll(env);
    Process process = builder.start();
    List<String> args = new String(process.getInputStream().readAllBytes()).lines().toList();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), args);
  }

  private record Run(int exit, List<String> args) {}
}
