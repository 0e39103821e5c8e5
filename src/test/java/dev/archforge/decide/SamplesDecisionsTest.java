package dev.archforge.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Decision;
import dev.archforge.model.DecisionTopic;
import dev.archforge.model.Plan;
import dev.archforge.model.ServiceSizing;
import dev.archforge.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample yields every topic, each record names the requirement values behind it, the user's choices win. */
class SamplesDecisionsTest {
  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("samples"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyTopicIsDecidedAndTraced(Path sample) {
    var requirements = new RequirementsLoader().load(sample).requirements().orElseThrow();
    var blueprint = new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint()
        .orElseThrow();
    Plan plan = new RuleDecider().decide(requirements, blueprint);
    assertThat(plan.decisions()).extracting(Decision::topic).containsExactlyElementsOf(DecisionTopic.ids());
    for (Decision d : plan.decisions()) {
      assertThat(d.drivenBy()).as(sample + " " + d.topic()).isNotEmpty();
      assertThat(d.reasons()).as(sample + " " + d.topic()).isNotEmpty().noneMatch(r -> r.contains("{"));
      assertThat(d.chosen()).as(sample + " " + d.topic()).isPresent();
      String user = requirements.decisions().get(d.topic());
      if (user != null) {
        assertThat(d.choice()).isEqualTo(user);
        assertThat(d.origin()).isEqualTo(Decision.Origin.USER);
        assertThat(d.drafted()).isNotNull();
      } else {
        assertThat(d.origin()).isEqualTo(Decision.Origin.RULES);
        assertThat(d.trace()).last().satisfies(t -> {
          assertThat(t.held()).isTrue();
          assertThat(t.rule()).isEqualTo(d.rule());
        });
      }
    }
    for (ServiceSizing s : plan.capacity().services()) {
      assertThat(s.hpaMin()).isPositive();
      assertThat(s.hpaMax()).isGreaterThan(s.hpaMin());
    }
    assertThat(plan.cost().totalUsd()).isPositive();
    assertThat(plan.cost().items()).isNotEmpty();
  }
}
