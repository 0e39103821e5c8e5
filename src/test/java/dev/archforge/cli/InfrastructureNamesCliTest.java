package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.testing.DockerCompose;
import dev.archforge.testing.ProcessRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A service (or, for a modular monolith, the project) may take the name of an infrastructure
 * container: the container gives way, {@code -infra} appended, and the run writes a valid workspace.
 */
class InfrastructureNamesCliTest {
  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(delimiter = '|', textBlock = """
      kafka    | architecture-style: microservices, messaging: kafka    | kafka-infra   | KAFKA_BOOTSTRAP_SERVERS | kafka-infra:9092
      rabbitmq | architecture-style: microservices, messaging: rabbitmq | rabbitmq-infra | RABBITMQ_HOST | rabbitmq-infra
      redis    | architecture-style: microservices, caching: redis      | redis-infra   | CACHE_HOST | redis-infra
      shop-db  | architecture-style: microservices                      | shop-db-infra | DB_HOST | shop-db-infra
      shop     | architecture-style: modular-monolith, messaging: kafka | kafka-infra   | KAFKA_BOOTSTRAP_SERVERS | kafka-infra:9092
      """)
  void anInfrastructureContainerGivesWayToAServiceOfItsName(String service, String decisions, String container,
      String key, String value) throws IOException {
    Path input = tmp.resolve("in.yaml");
    String project = service.equals("shop") ? "kafka" : "shop";
    Files.writeString(input, """
        archforge: 1
        project: { name: %s }
        decisions: { %s }
        services:
          %s: { entities: [Note], publishes: [NoteMade] }
          shop: { entities: [Tag], consumes: [NoteMade] }
        entities:
          Note: { fields: { body: text } }
          Tag: { fields: { label: string } }
        events:
          NoteMade: { fields: { noteId: uuid } }
        """.formatted(project, decisions, service.equals("shop") ? "notes" : service));

    CliRunner.Run run = CliRunner.run("generate", input.toString(), "-o", tmp.resolve("out").toString(), "--no-cache");

    assertThat(run.code()).as(run.err()).isZero();
    Path compose = tmp.resolve("out/backend-architect/deploy/docker-compose.yaml");
    assertThat(compose).content().contains("\n  \"" + container + "\":\n").contains("\"" + key + "\": \"" + value + "\"");
    DockerCompose.copyEnvExamples(compose);
    ProcessRun config = DockerCompose.configQuiet(compose);
    assertThat(config.code()).as(config.err()).isZero();
  }
}
