package dev.archforge.validate;

import dev.archforge.deliverable.graphql.GraphqlDeliverable;
import dev.archforge.deliverable.graphql.GraphqlValidator;
import dev.archforge.deliverable.grpc.GrpcDeliverable;
import dev.archforge.deliverable.grpc.ProtoValidator;
import dev.archforge.deliverable.k8s.KubernetesValidator;
import dev.archforge.deliverable.k8s.PodSecurityChecker;
import dev.archforge.deliverable.migrations.MigrationsDeliverable;
import dev.archforge.deliverable.migrations.SqlValidator;
import dev.archforge.deliverable.openapi.OpenApiDeliverable;
import dev.archforge.deliverable.openapi.OpenApiValidator;
import dev.archforge.facts.SharedKinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up documents are valid for every validator that checks their kind, so a warm-up exercises the full path. */
class WarmUpTest {
  @Test
  void everyWarmUpDocumentPassesItsValidators() {
    List<Artifact> documents = List.of(WarmUp.artifact("openapi.yaml", OpenApiDeliverable.KIND),
        WarmUp.artifact("ping.proto", GrpcDeliverable.KIND), WarmUp.artifact("schema.graphql", GraphqlDeliverable.KIND),
        WarmUp.artifact("V1__warm_up.sql", MigrationsDeliverable.KIND),
        WarmUp.artifact("deployment.yaml", SharedKinds.KUBERNETES));
    List<Validator> validators = List.of(new OpenApiValidator(), new ProtoValidator(), new GraphqlValidator(),
        new SqlValidator(), new KubernetesValidator(), new PodSecurityChecker());
    for (Artifact document : documents) {
      List<Validator> checking = validators.stream().filter(v -> v.accepts(document)).toList();
      assertThat(checking).as(document.path()).isNotEmpty();
      checking.forEach(v -> assertThat(v.validate(document)).as(document.path() + " / " + v.name()).isEmpty());
    }
  }
}
