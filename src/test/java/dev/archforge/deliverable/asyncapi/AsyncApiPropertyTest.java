package dev.archforge.deliverable.asyncapi;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiValidator;
import dev.archforge.model.Plan;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any valid events (every field type and constraint, any publishers and consumers, every messaging
 * choice and cloud) give a document the in-process validator accepts.
 */
class AsyncApiPropertyTest {
  private static final AsyncApiValidator VALIDATOR = new AsyncApiValidator();
  private static final List<String> TYPES = List.of("string", "text", "integer", "long", "decimal", "boolean", "date",
      "datetime", "uuid", "email", "url", "json", "bytes", "enum");
  private static final List<String> MESSAGING = List.of("kafka", "rabbitmq", "cloud-pubsub", "none");

  @Property(tries = 60)
  void everyValidInputGivesAValidDocument(@ForAll("requirements") String yaml) {
    Plan plan = AsyncApiPlans.plan("generated.yaml", yaml);
    AsyncApiDeliverable deliverable = new AsyncApiDeliverable();
    assertThat(deliverable.supports(Facts.of(plan))).as(yaml).isTrue();

    assertThat(VALIDATOR.validate(AsyncApiPlans.render(plan))).as(yaml).isEmpty();
    assertThat(deliverable.warnings(Facts.of(plan))).as(yaml).isNotNull();
  }

  @Provide
  Arbitrary<String> requirements() {
    Arbitrary<List<String>> events = event().list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<List<Integer>> roles = Arbitraries.integers().between(0, 7).list().ofSize(4);
    return Combinators.combine(events, roles, Arbitraries.of(MESSAGING), Arbitraries.of("aws", "gcp", "azure", "any"))
        .as(AsyncApiPropertyTest::document);
  }

  /** One event's fields as YAML flow mappings. */
  private Arbitrary<String> event() {
    Arbitrary<String> field = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of(true, false),
        Arbitraries.of(true, false), Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(10))
        .as((type, required, flag, description) -> {
          StringBuilder sb = new StringBuilder("{ type: " + type);
          switch (type) {
            case "enum" -> sb.append(", values: [a1, b-2, c_3.x]").append(flag ? ", default: b-2" : "");
            case "string" -> sb.append(flag ? ", maxLength: 40, minLength: 2" : ", pattern: \"^[A-Z]{3}$\"");
            case "decimal" -> sb.append(flag ? ", precision: 12, scale: 4, min: 0" : ", precision: 5, scale: 0");
            case "integer" -> sb.append(flag ? ", min: -5, max: 5000" : ", default: 7");
            case "long" -> sb.append(flag ? ", min: 1" : "");
            default -> { }
          }
          sb.append(required ? ", required: true" : "");
          if (!flag && (type.equals("string") || type.equals("email"))) {
            sb.append(", pii: true, secret: ").append(description.length() % 2 == 0);
          }
          return sb.append(", description: \"").append(description).append(" \\\"q\\\" #: {x}\" }").toString();
        });
    return field.list().ofMinSize(1).ofMaxSize(6).map(fields -> {
      StringBuilder sb = new StringBuilder();
      for (int f = 0; f < fields.size(); f++) {
        sb.append("      f").append(f).append("Id: ").append(fields.get(f)).append('\n');
      }
      return sb.toString();
    });
  }

  /**
   * Three services; event {@code i} is published by service {@code i % 3} (and by service 2 as
   * well when its role bits say so) and consumed by the services whose bit is set.
   */
  private static String document(List<String> events, List<Integer> roles, String messaging, String cloud) {
    StringBuilder yaml = new StringBuilder("archforge: 1\nproject: { name: prop-events, cloud: ").append(cloud)
        .append(" }\ndecisions:\n  messaging: ").append(messaging).append('\n');
    if (messaging.equals("none")) {
      yaml.append("  architecture-style: modular-monolith\n");
    }
    yaml.append("services:\n");
    for (int s = 0; s < 3; s++) {
      StringBuilder publishes = new StringBuilder();
      StringBuilder consumes = new StringBuilder();
      for (int e = 0; e < events.size(); e++) {
        int bits = roles.get(e % roles.size());
        if (e % 3 == s || (s == 2 && (bits & 4) != 0)) {
          publishes.append(publishes.isEmpty() ? "" : ", ").append("Ev").append(e).append("Happened");
        } else if ((bits & (1 << s)) != 0) {
          consumes.append(consumes.isEmpty() ? "" : ", ").append("Ev").append(e).append("Happened");
        }
      }
      yaml.append("  svc-").append(s).append(":\n    entities: [Thing").append(s).append("]\n    publishes: [")
          .append(publishes).append("]\n    consumes: [").append(consumes).append("]\n");
    }
    yaml.append("entities:\n");
    for (int s = 0; s < 3; s++) {
      yaml.append("  Thing").append(s).append(":\n    fields:\n      name: string\n");
    }
    yaml.append("events:\n");
    for (int e = 0; e < events.size(); e++) {
      yaml.append("  Ev").append(e).append("Happened:\n    description: \"Event ").append(e)
          .append(": \\\"quoted\\\" # x\"\n    fields:\n").append(events.get(e));
    }
    return yaml.toString();
  }
}
