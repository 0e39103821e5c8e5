package dev.archforge.deliverable.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.RuntimePlans;
import dev.archforge.testing.RuntimePlans.Named;
import dev.archforge.validate.Manifests;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample, as decided and with the runtime choices varied: catalog-info.yaml passes Backstage's
 * entity schemas and lists every deployable and contract, each API pointing at its file.
 */
class CatalogSamplesTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());

  static List<Named> plans() {
    return RuntimePlans.samplesAndVariants();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theCatalogPassesBackstagesSchemasAndListsEverything(Named named) {
    Facts facts = Facts.of(named.plan());
    List<Artifact> all = PIPELINE.render(facts, RENDERER);
    Artifact catalog = all.stream().filter(a -> a.path().equals(CatalogDeliverable.PATH)).findFirst().orElseThrow();

    assertThat(new CatalogValidator().validate(catalog)).isEmpty();
    assertThat(new CatalogListsEverything().validate(all)).isEmpty();
    List<Manifests.Doc> docs = Manifests.parse(catalog, "test").docs();
    assertThat(docs.stream().filter(d -> d.kind().equals("Component")).map(Manifests.Doc::name))
        .containsExactlyElementsOf(facts.deployables().stream().map(Deployable::name).toList());
    assertThat(docs).filteredOn(d -> d.kind().equals("System")).singleElement()
        .satisfies(d -> assertThat(d.node().at("/spec/owner").asText())
            .isEqualTo(facts.plan().requirements().project().ownerOrDefault()));
  }
}
