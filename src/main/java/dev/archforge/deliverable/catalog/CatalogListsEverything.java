package dev.archforge.deliverable.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.Layout;
import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Manifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Coherence rule {@value #NAME}: {@code catalog-info.yaml} has a Component for every deployable (a
 * Dockerfile under {@code deploy/}) and an API entity for every contract of the workspace, and
 * every API's {@code $text} names a file the workspace has.
 */
final class CatalogListsEverything implements CrossValidator {
  static final String NAME = "catalog-lists-everything";
  private static final Pattern CONTRACT = Pattern.compile("api/([^/]+/(openapi\\.yaml|schema\\.graphql|[^/]+\\.proto)"
      + "|asyncapi\\.yaml)");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> validate(List<Artifact> all) {
    Optional<Artifact> catalog = all.stream().filter(a -> a.path().equals(CatalogDeliverable.PATH)).findFirst();
    if (catalog.isEmpty()) {
      return List.of();
    }
    List<Manifests.Doc> docs = Manifests.parse(catalog.get(), NAME).docs();
    List<String> components = docs.stream().filter(d -> d.kind().equals("Component")).map(Manifests.Doc::name)
        .toList();
    List<String> definitions = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Manifests.Doc d : docs) {
      JsonNode text = d.node().at("/spec/definition/$text");
      if (d.kind().equals("API") && text.isTextual()) {
        String target = text.asText().replaceFirst("^\\./", "");
        definitions.add(target);
        if (all.stream().noneMatch(a -> a.path().equals(target))) {
          findings.add(d.finding("/spec/definition", "API " + d.name() + " reads its definition from " + target
              + ", which the workspace does not have", NAME));
        }
      }
    }
    for (Artifact a : all) {
      String deployable = Layout.dockerfileOf(a.path());
      if (deployable != null && !components.contains(deployable)) {
        findings.add(new Finding(catalog.get().path(), 0, "the deployable " + deployable + " (" + a.path()
            + ") has no Component in the catalog", NAME));
      }
      if (CONTRACT.matcher(a.path()).matches() && !definitions.contains(a.path())) {
        findings.add(new Finding(catalog.get().path(), 0, "the contract " + a.path()
            + " has no API entity in the catalog", NAME));
      }
    }
    return findings;
  }
}
