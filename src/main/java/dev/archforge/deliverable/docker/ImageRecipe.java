package dev.archforge.deliverable.docker;

import dev.archforge.facts.Naming;
import dev.archforge.model.Language;
import java.util.List;

/**
 * How a language's service becomes an image: a build stage on the full toolchain and a small
 * runtime stage, both pinned to a version tag. The runtime images keep a way to probe the health
 * endpoint from inside (busybox wget on Alpine, Python's urllib on slim) so that the Dockerfile's
 * HEALTHCHECK and Docker Compose use the same check as the Kubernetes probes.
 *
 * @param buildSteps the build stage's instructions after FROM, each a Dockerfile line
 * @param runtimeSteps the runtime stage's instructions after FROM and before USER
 * @param entrypoint the exec-form ENTRYPOINT, as a JSON array
 */
public record ImageRecipe(
    String buildImage,
    String runtimeImage,
    List<String> buildSteps,
    List<String> runtimeSteps,
    String entrypoint) {
  /** The Go toolchain that builds grpc-health-probe for gRPC services. */
  public static final String PROBE_BUILD_IMAGE = "golang:1.23.4-alpine3.21";
  public static final String PROBE_VERSION = "v0.4.24";

  private static final String TEMURIN_JRE = "eclipse-temurin:21.0.5_11-jre-alpine";
  private static final String ALPINE = "alpine:3.21.0";
  private static final String NODE = "node:22.12.0-alpine3.21";
  private static final String PYTHON = "python:3.12.8-slim-bookworm";

  public static ImageRecipe of(Language language, String name) {
    return switch (language) {
      case JAVA -> new ImageRecipe("maven:3.9.9-eclipse-temurin-21-alpine", TEMURIN_JRE, List.of(
          "# expects a Maven project whose package phase writes target/app.jar (<finalName>app</finalName>)",
          "COPY pom.xml ./",
          "RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline",
          "COPY src ./src",
          "RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package && cp target/app.jar /tmp/app.jar"),
          jvmRuntime(), exec("java", "-jar", "/app/app.jar"));
      case KOTLIN -> new ImageRecipe("gradle:8.11.1-jdk21-alpine", TEMURIN_JRE, List.of(
          "# expects a Gradle build whose assemble task writes build/libs/app.jar (archiveFileName = \"app.jar\")",
          "COPY . .",
          "RUN --mount=type=cache,target=/home/gradle/.gradle gradle --no-daemon -q assemble -x test"
              + " && cp build/libs/app.jar /tmp/app.jar"),
          jvmRuntime(), exec("java", "-jar", "/app/app.jar"));
      case GO -> new ImageRecipe("golang:1.23.4-alpine3.21", ALPINE, List.of(
          "COPY go.mod go.sum ./",
          "RUN --mount=type=cache,target=/go/pkg/mod go mod download",
          "COPY . .",
          "RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\",
          "    CGO_ENABLED=0 go build -trimpath -ldflags=\"-s -w\" -o /tmp/server ."),
          List.of("COPY --from=build /tmp/server /app/server"), exec("/app/server"));
      case NODE -> new ImageRecipe(NODE, NODE, List.of(
          "# expects package-lock.json and, when there is a build script, output in dist/ (entry dist/main.js)",
          "COPY package.json package-lock.json ./",
          "RUN --mount=type=cache,target=/root/.npm npm ci",
          "COPY . .",
          "RUN npm run build --if-present && npm prune --omit=dev"),
          List.of("ENV NODE_ENV=production",
              "COPY --from=build /src/package.json ./package.json",
              "COPY --from=build /src/node_modules ./node_modules",
              "COPY --from=build /src/dist ./dist"),
          exec("node", "dist/main.js"));
      case PYTHON -> new ImageRecipe(PYTHON, PYTHON, List.of(
          "# expects requirements.txt and an installable package whose module " + module(name) + " starts the server",
          "RUN python -m venv /opt/venv",
          "ENV PATH=/opt/venv/bin:$PATH",
          "COPY requirements.txt ./",
          "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt",
          "COPY . .",
          "RUN pip install --no-deps ."),
          List.of("ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1",
              "COPY --from=build /opt/venv /opt/venv"),
          exec("python", "-m", module(name)));
    };
  }

  private static List<String> jvmRuntime() {
    return List.of("ENV JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError\"",
        "COPY --from=build /tmp/app.jar /app/app.jar");
  }

  private static String module(String name) {
    return Naming.snake(name);
  }

  /** A JSON array of strings, as Dockerfile exec form and Compose's CMD form want it. */
  static String exec(String... parts) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < parts.length; i++) {
      sb.append(i == 0 ? "" : ", ").append('"')
          .append(parts[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append(']').toString();
  }
}
