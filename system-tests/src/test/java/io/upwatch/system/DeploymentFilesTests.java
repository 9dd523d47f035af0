package io.upwatch.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.upwatch.common.config.GomonAliases;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The deployment files parse with the real tools' models and set only settings Upwatch reads:
 * compose files through the docker-compose parser ({@code config} needs no engine), Kubernetes
 * manifests into the typed API objects, where any unknown field is an error.
 */
class DeploymentFilesTests {

  private static final Path ROOT = Path.of(System.getProperty("upwatch.root", ".."));
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final Set<String> LAUNCH_VARIABLES =
      Set.of(
          "FUNC",
          "JAVA_OPTS",
          "JAVA_TOOL_OPTIONS",
          "SERVER_PORT",
          "UPWATCH_DEV_MODE",
          "POPULATE_ROOT_PASSWORD");

  @Test
  void composeFilesParseAndSetOnlyVariablesTheApplicationReads() throws Exception {
    JsonNode base = composeConfig("docker-compose.yml");
    JsonNode experiment = composeConfig("docker-compose.yml", "docker-compose.experiment.yml");

    assertThat(base.at("/services/server/ports/0/published").asText()).isEqualTo("8010");
    assertThat(base.at("/services/server/ports/0/target").asInt()).isEqualTo(8080);
    assertThat(base.at("/services/local_worker/depends_on/postgres/condition").asText())
        .isEqualTo("service_healthy");
    assertThat(base.at("/volumes").has("pgdata")).isTrue();
    assertThat(experiment.at("/services/target").isMissingNode()).isFalse();
    assertThat(
            experiment
                .at("/services/server/environment/UPWATCH_API_POPULATE_URL_TEMPLATE")
                .asText())
        .startsWith("http://target/");

    for (JsonNode config : List.of(base, experiment)) {
      config
          .get("services")
          .properties()
          .forEach(
              service -> {
                if (service.getValue().path("image").asText().startsWith("upwatch")) {
                  service
                      .getValue()
                      .path("environment")
                      .fieldNames()
                      .forEachRemaining(
                          name -> assertThat(readVariables()).as(service.getKey()).contains(name));
                }
              });
    }
  }

  @Test
  void kubernetesManifestsAreValidApiObjectsWithProbesAndResources() throws Exception {
    List<Object> objects = kubernetesObjects();

    List<Deployment> deployments = deployments(objects);
    assertThat(deployments)
        .extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "upwatch-api-server",
            "upwatch-local-worker",
            "upwatch-monitoring-worker-eu-west",
            "upwatch-monitoring-worker-us-east",
            "upwatch-monitoring-worker-ap-southeast");
    for (Deployment deployment : deployments) {
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
      assertThat(container.getReadinessProbe().getHttpGet().getPath())
          .isEqualTo("/actuator/health/readiness");
      assertThat(container.getLivenessProbe().getHttpGet().getPath())
          .isEqualTo("/actuator/health/liveness");
      assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
      assertThat(container.getResources().getLimits()).containsKey("memory");
      // The pod's name label, and its region's where there is one: no two selectors overlap.
      assertThat(deployment.getSpec().getSelector().getMatchLabels())
          .isEqualTo(
              deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet().stream()
                  .filter(
                      e ->
                          e.getKey().equals("app.kubernetes.io/name")
                              || e.getKey().equals("upwatch.io/region"))
                  .collect(
                      java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
      container.getEnv().forEach(env -> assertThat(readVariables()).contains(env.getName()));
    }
    objects.stream()
        .filter(ConfigMap.class::isInstance)
        .map(ConfigMap.class::cast)
        .forEach(map -> assertThat(readVariables()).containsAll(map.getData().keySet()));
    objects.stream()
        .filter(Secret.class::isInstance)
        .map(Secret.class::cast)
        .forEach(
            secret -> assertThat(readVariables()).containsAll(secret.getStringData().keySet()));
    assertThat(
            objects.stream()
                .filter(HorizontalPodAutoscaler.class::isInstance)
                .map(o -> ((HorizontalPodAutoscaler) o).getSpec().getScaleTargetRef().getName()))
        .as("every region's monitoring workers scale on their own")
        .containsExactlyInAnyOrderElementsOf(
            deployments.stream()
                .map(d -> d.getMetadata().getName())
                .filter(name -> name.startsWith("upwatch-monitoring-worker"))
                .toList());
  }

  /**
   * Tasks and workers meet: every region the API and local workers check from has a monitoring
   * worker that declares it, and no worker declares a region nobody publishes to.
   */
  @Test
  void everyConfiguredRegionHasMonitoringWorkersAndEveryWorkerRegionIsConfigured()
      throws Exception {
    List<Object> objects = kubernetesObjects();
    String configured =
        objects.stream()
            .filter(ConfigMap.class::isInstance)
            .map(o -> ((ConfigMap) o).getData().get("UPWATCH_REGIONS"))
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse("default");
    List<String> workerRegions = new ArrayList<>();
    for (Deployment deployment : deployments(objects)) {
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
      if (envValue(container, "FUNC").equals("monitoring_worker")) {
        workerRegions.add(envValue(container, "MONITORING_REGION"));
        assertThat(deployment.getMetadata().getLabels())
            .containsEntry("upwatch.io/region", envValue(container, "MONITORING_REGION"));
      }
    }
    assertThat(workerRegions)
        .as("deploy/k8s: one monitoring-worker Deployment per region of UPWATCH_REGIONS")
        .containsExactlyInAnyOrderElementsOf(regions(configured))
        .hasSize(3);

    JsonNode base = composeConfig("docker-compose.yml");
    JsonNode experiment = composeConfig("docker-compose.yml", "docker-compose.experiment.yml");
    assertThat(composeRegions(base)).isEqualTo(Map.of("default", List.of("default")));
    assertThat(composeRegions(experiment)).isEqualTo(Map.of("eu,us,ap", List.of("ap", "eu", "us")));
  }

  private static String envValue(Container container, String name) {
    return container.getEnv().stream()
        .filter(env -> env.getName().equals(name))
        .findFirst()
        .map(io.fabric8.kubernetes.api.model.EnvVar::getValue)
        .orElse("");
  }

  private static List<String> regions(String list) {
    return Stream.of(list.split(",")).map(String::strip).toList();
  }

  /**
   * The compose file's UPWATCH_REGIONS, the same on the API and the local worker, with the regions
   * its monitoring workers declare (sorted), after checking the two agree.
   */
  private static Map<String, List<String>> composeRegions(JsonNode config) {
    Set<String> configured = new HashSet<>();
    List<String> workers = new ArrayList<>();
    config
        .get("services")
        .properties()
        .forEach(
            service -> {
              JsonNode env = service.getValue().path("environment");
              switch (env.path("FUNC").asText()) {
                case "server", "local_worker" ->
                    configured.add(env.path("UPWATCH_REGIONS").asText());
                case "monitoring_worker" -> workers.add(env.path("MONITORING_REGION").asText());
                default -> {}
              }
            });
    assertThat(configured).as("the API and local worker check from the same regions").hasSize(1);
    String regions = configured.iterator().next();
    assertThat(workers).containsExactlyInAnyOrderElementsOf(regions(regions));
    return Map.of(regions, workers.stream().sorted().toList());
  }

  /**
   * The image sizes heaps from the container's memory (MaxRAMPercentage); without a limit that is
   * the host's. Either form counts: docker-compose 1.29 and Compose v2 apply both.
   */
  @Test
  void everyComposeServiceHasAMemoryLimitAndEachRoleThatOfItsKubernetesManifest() throws Exception {
    Map<String, Long> kubernetesLimits = new HashMap<>();
    for (Deployment deployment : deployments(kubernetesObjects())) {
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
      String func =
          container.getEnv().stream()
              .filter(env -> env.getName().equals("FUNC"))
              .findFirst()
              .orElseThrow()
              .getValue();
      Quantity limit = container.getResources().getLimits().get("memory");
      kubernetesLimits.put(func, Quantity.getAmountInBytes(limit).longValueExact());
    }

    for (JsonNode config :
        List.of(
            composeConfig("docker-compose.yml"),
            composeConfig("docker-compose.yml", "docker-compose.experiment.yml"))) {
      config
          .get("services")
          .properties()
          .forEach(
              service -> {
                JsonNode limit = service.getValue().path("mem_limit");
                if (limit.isMissingNode()) {
                  limit = service.getValue().at("/deploy/resources/limits/memory");
                }
                assertThat(limit.isMissingNode())
                    .as("%s: no memory limit", service.getKey())
                    .isFalse();
                JsonNode func = service.getValue().path("environment").path("FUNC");
                if (!func.isMissingNode()) {
                  assertThat(composeBytes(limit.asText()))
                      .as("%s: memory limit against deploy/k8s", service.getKey())
                      .isEqualTo(kubernetesLimits.get(func.asText()));
                }
              });
    }
  }

  /**
   * Maven refuses the whole reactor when one module's pom is missing, so the dependency step needs
   * every module's pom, listed or found; and a failure there must fail the build.
   */
  @Test
  void dockerfileResolvesDependenciesWithEveryModulePomAndFailsLoudly() throws Exception {
    List<String> modules = modules();
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    Set<String> listed = new HashSet<>();
    Matcher copy = Pattern.compile("(?m)^COPY\\s+(\\S+)/pom\\.xml\\s").matcher(dockerfile);
    while (copy.find()) {
      listed.add(copy.group(1));
    }
    if (listed.isEmpty()) {
      assertThat(dockerfile)
          .as("module poms neither listed nor found")
          .containsPattern("-name pom\\.xml\\s");
    } else {
      assertThat(listed).containsExactlyInAnyOrderElementsOf(modules);
    }
    for (String ignored : Files.readAllLines(ROOT.resolve(".dockerignore"))) {
      for (String module : modules) {
        assertThat(ignored.strip().replaceAll("^/|/$", ""))
            .as(".dockerignore hides %s", module)
            .isNotIn(module, module + "/pom.xml", module + "/*");
      }
    }
    assertThat(dockerfile).doesNotContain("|| true").doesNotStartWith("# syntax=");
  }

  private static List<String> modules() throws Exception {
    NodeList nodes =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ROOT.resolve("pom.xml").toFile())
            .getElementsByTagName("module");
    List<String> modules = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      modules.add(nodes.item(i).getTextContent().strip());
    }
    assertThat(modules).isNotEmpty();
    return modules;
  }

  /** Docker's units, binary multiples; Compose v2 prints plain bytes. */
  private static long composeBytes(String value) {
    Matcher amount = Pattern.compile("(\\d+)([kmg]?)b?").matcher(value.toLowerCase(Locale.ROOT));
    assertThat(amount.matches()).as("memory %s", value).isTrue();
    int shift =
        switch (amount.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 0;
        };
    return Long.parseLong(amount.group(1)) << shift;
  }

  private static List<Object> kubernetesObjects() throws Exception {
    List<Object> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        List<JsonNode> documents =
            YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll();
        for (JsonNode document : documents) {
          Object object = YAML.treeToValue(document, typeOf(document, file));
          assertNoUnknownFields(object, file + " " + document.path("kind").asText());
          objects.add(object);
        }
      }
    }
    return objects;
  }

  private static List<Deployment> deployments(List<Object> objects) {
    return objects.stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .toList();
  }

  /** The gomon aliases, launch variables and the environment form of every Upwatch property. */
  private static Set<String> readVariables() {
    Set<String> names = new HashSet<>(GomonAliases.VARIABLES);
    names.addAll(LAUNCH_VARIABLES);
    for (String module : List.of("common", "api-server", "local-worker", "monitoring-worker")) {
      Path metadata =
          ROOT.resolve(module)
              .resolve("target/classes/META-INF/spring-configuration-metadata.json");
      try {
        for (JsonNode property :
            new ObjectMapper().readTree(metadata.toFile()).path("properties")) {
          String name = property.path("name").asText().toUpperCase(Locale.ROOT);
          names.add(name.replace(".", "_").replace("-", ""));
          names.add(name.replace(".", "_").replace("-", "_"));
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Build " + module + " first: no " + metadata, e);
      }
    }
    return names;
  }

  private static JsonNode composeConfig(String... files) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker-compose"));
    for (String file : files) {
      command.addAll(List.of("-f", ROOT.resolve(file).toString()));
    }
    command.add("config");
    File output = File.createTempFile("compose", ".yml");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(output)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("docker-compose config %s", List.of(files)).isZero();
    return new ObjectMapper(new YAMLFactory()).readTree(output);
  }

  private static Class<?> typeOf(JsonNode document, Path file) {
    return switch (document.path("kind").asText()) {
      case "ConfigMap" -> ConfigMap.class;
      case "Secret" -> Secret.class;
      case "Deployment" -> Deployment.class;
      case "Service" -> Service.class;
      case "HorizontalPodAutoscaler" -> HorizontalPodAutoscaler.class;
      default -> throw new AssertionError(file + ": unexpected kind " + document.path("kind"));
    };
  }

  /** Typed models keep fields they do not know in additionalProperties: there must be none. */
  private static void assertNoUnknownFields(Object root, String where) throws Exception {
    List<Object> pending = new ArrayList<>(List.of(root));
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    while (!pending.isEmpty()) {
      Object object = pending.removeLast();
      if (object == null || seen.put(object, true) != null) {
        continue;
      }
      if (object instanceof Iterable<?> items) {
        items.forEach(pending::add);
        continue;
      }
      if (object instanceof Map<?, ?> map) {
        pending.addAll(map.values());
        continue;
      }
      if (!object.getClass().getPackageName().startsWith("io.fabric8")) {
        continue;
      }
      for (Method getter : object.getClass().getMethods()) {
        if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")) {
          continue;
        }
        Object value = getter.invoke(object);
        if (getter.getName().equals("getAdditionalProperties")) {
          assertThat((Map<?, ?>) value).as("unknown fields in %s", where).isEmpty();
        } else {
          pending.add(value);
        }
      }
    }
  }
}
