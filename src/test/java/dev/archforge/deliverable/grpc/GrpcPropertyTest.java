package dev.archforge.deliverable.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.graphql.ApiPlans;
import dev.archforge.deliverable.graphql.RandomRequirements;
import dev.archforge.deliverable.grpc.ProtoValidator;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any valid requirements file whose services use gRPC gives proto files Wire accepts and buf builds and lints. */
class GrpcPropertyTest {
  private static final ProtoValidator VALIDATOR = new ProtoValidator();

  @Property(tries = 25)
  void everyValidInputGivesFilesWireAndBufAccept(@ForAll("requirements") String yaml) throws IOException {
    Plan plan = ApiPlans.decide("generated.yaml", yaml);
    for (Artifact a : ProtoFiles.artifacts(plan)) {
      if (a.kind().equals(GrpcDeliverable.KIND)) {
        assertThat(VALIDATOR.validate(a)).as(yaml + "\n" + a.content()).isEmpty();
      }
    }
    Path dir = Files.createTempDirectory("archforge-grpc-property-");
    try {
      assertThat(ProtoFiles.bufProblems(plan, dir)).as(yaml).isEmpty();
    } finally {
      delete(dir);
    }
  }

  @Provide
  Arbitrary<String> requirements() {
    return RandomRequirements.of("grpc");
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
