package dev.archforge.deliverable.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.graphql.GraphqlValidator;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any valid requirements file whose services use GraphQL gives schemas graphql-java accepts and can run. */
class GraphqlPropertyTest {
  private static final GraphqlValidator VALIDATOR = new GraphqlValidator();

  @Property(tries = 80)
  void everyValidInputGivesValidExecutableSchemas(@ForAll("requirements") String yaml) {
    Plan plan = ApiPlans.decide("generated.yaml", yaml);
    for (Artifact a : GraphqlSchemas.artifacts(plan)) {
      assertThat(VALIDATOR.validate(a)).as(yaml + "\n" + a.content()).isEmpty();
      assertThat(GraphqlSchemas.introspect(a.content())).containsKey("__schema");
    }
  }

  @Provide
  Arbitrary<String> requirements() {
    return RandomRequirements.of("graphql");
  }
}
