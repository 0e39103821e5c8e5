package dev.archforge.deliverable.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.SamplePlans;
import dev.archforge.validate.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What SECURITY.md says about each classified field at rest is what the migrations do with its
 * column, for every sample and every data-protection level, on both SQL dialects.
 */
class ProtectionMatchesColumnsTest {
  private static final Pipeline PIPELINE = Pipeline.standard();
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final String ORDERS = "db/orders/migrations/V1__initial_schema.sql";
  private static final String ACCOUNTS = "db/accounts/migrations/V1__initial_schema.sql";

  static Stream<Arguments> plans() {
    List<Arguments> plans = new ArrayList<>();
    for (Path sample : SamplePlans.samples()) {
      plans.add(Arguments.of(SamplePlans.name(sample), SamplePlans.plan(sample)));
    }
    for (String sample : List.of("ecommerce.yaml", "fintech-ledger.yaml", "saas-projects.yaml")) {
      for (String protection : List.of("baseline", "pii-protection", "regulated")) {
        for (String database : List.of("postgresql", "mysql")) {
          AsyncApiPlans.Named named = AsyncApiPlans.variant(sample, AsyncApiPlans.sampleText(sample),
              protection + ", " + database, null, Map.of("data-protection", protection, "database", database));
          plans.add(Arguments.of(named.name(), named.plan()));
        }
      }
    }
    return plans.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theClassificationAgreesWithTheColumns(String label, Plan plan) {
    assertThat(new ProtectionMatchesColumns().validate(render(plan))).isEmpty();
  }

  @Test
  void personalDataIsCiphertextWithABlindIndexWhenProtectionAsksForIt() {
    String sql = file(render(variant("ecommerce.yaml", "regulated")), ORDERS);
    assertThat(sql).contains("  email bytea NOT NULL,\n  email_bidx varchar(64) NOT NULL,")
        .contains("UNIQUE (email_bidx)").doesNotContain("UNIQUE (email)");
    assertThat(file(render(variant("ecommerce.yaml", "baseline")), ORDERS)).contains("  email varchar(254) NOT NULL,")
        .contains("UNIQUE (email)");
  }

  @Test
  void aPlainColumnUnderAnEncryptionClaimIsCaught() {
    List<Artifact> all = render(variant("ecommerce.yaml", "regulated"));
    List<Finding> findings = new ProtectionMatchesColumns().validate(replace(all, ORDERS, "  email bytea NOT NULL,",
        "  email varchar(254) NOT NULL,"));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("security/SECURITY.md");
      assertThat(f.message()).contains("customer.email is varchar(254)").contains("field-level encryption");
    });
  }

  @Test
  void aMissingBlindIndexOrAKeyOnCiphertextIsCaught() {
    List<Artifact> all = render(variant("ecommerce.yaml", "regulated"));
    assertThat(new ProtectionMatchesColumns().validate(replace(all, ORDERS, "UNIQUE (email_bidx)", "UNIQUE (id)")))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("no indexed blind index column email_bidx"));
    List<Artifact> later = new ArrayList<>(all);
    later.add(new Artifact("db/orders/migrations/V2__email_index.sql",
        "-- a hand-made index\nCREATE INDEX ix_customer_email ON customer (email);\n", new Artifact.Kind("sql")));
    assertThat(new ProtectionMatchesColumns().validate(later)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("leads a unique key or index"));
  }

  @Test
  void aLaterRetypeOfAnEncryptedColumnIsCaught() {
    List<Artifact> all = new ArrayList<>(render(variant("fintech-ledger.yaml", "pii-protection")));
    assertThat(new ProtectionMatchesColumns().validate(all)).isEmpty();
    String sql = file(all, ACCOUNTS);
    assertThat(sql).contains("national_id bytea");
    all.add(new Artifact("db/accounts/migrations/V2__retype.sql",
        "ALTER TABLE customer ALTER COLUMN national_id TYPE varchar(40) USING national_id::text;\n",
        new Artifact.Kind("sql")));
    assertThat(new ProtectionMatchesColumns().validate(all)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("national_id is varchar(40)"));
  }

  private static Plan variant(String sample, String protection) {
    return AsyncApiPlans.variant(sample, AsyncApiPlans.sampleText(sample), protection, null,
        Map.of("data-protection", protection, "database", "postgresql")).plan();
  }

  private static List<Artifact> render(Plan plan) {
    return PIPELINE.render(Facts.of(plan), RENDERER);
  }

  private static String file(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow().content();
  }

  private static List<Artifact> replace(List<Artifact> all, String path, String from, String to) {
    List<Artifact> changed = all.stream().map(a -> a.path().equals(path)
        ? new Artifact(a.path(), a.content().replace(from, to), a.kind()) : a).toList();
    assertThat(changed).isNotEqualTo(all);
    return changed;
  }
}
