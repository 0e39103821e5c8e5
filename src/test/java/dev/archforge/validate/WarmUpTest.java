package dev.archforge.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up documents are valid for every validator that checks their kind, so a warm-up exercises the full path. */
class WarmUpTest {
  @Test
  void everyWarmUpDocumentPassesItsValidators() {
    List<Artifact> documents = List.of(WarmUp.artifact("openapi.yaml", Artifact.Kind.OPENAPI),
        WarmUp.artifact("ping.proto", Artifact.Kind.PROTO), WarmUp.artifact("schema.graphql", Artifact.Kind.GRAPHQL),
        WarmUp.artifact("V1__warm_up.sql", Artifact.Kind.SQL),
        WarmUp.artifact("deployment.yaml", Artifact.Kind.KUBERNETES));
    List<Validator> validators = List.of(new OpenApiValidator(), new ProtoValidator(), new GraphqlValidator(),
        new SqlValidator(), new KubernetesValidator(), new PodSecurityChecker());
    for (Artifact document : documents) {
      List<Validator> checking = validators.stream().filter(v -> v.accepts(document)).toList();
      assertThat(checking).as(document.path()).isNotEmpty();
      checking.forEach(v -> assertThat(v.validate(document)).as(document.path() + " / " + v.name()).isEmpty());
    }
  }
}
