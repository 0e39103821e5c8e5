package dev.archforge.deliverable.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.security.SecurityPlans.Named;
import dev.archforge.model.Compliance;
import dev.archforge.model.Entity;
import dev.archforge.model.Event;
import dev.archforge.model.Field;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The security documents of every sample: present, complete, specific, with links that resolve. */
class SecurityDocumentsTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern ASVS_ID = Pattern.compile("(?m)^\\| (V\\d+\\.\\d+\\.\\d+) \\| L([123]) \\|");
  private static final Pattern API_ID = Pattern.compile("(?m)^\\| (API\\d+:2023) \\|");
  private static final List<String> SECTIONS = List.of("Authentication", "Authorization",
      "Service-to-service identity", "Secrets management", "Encryption in transit and at rest",
      "Data classification", "Logging rules", "Input validation", "Dependency and image scanning", "Compliance");

  static Stream<Named> plans() {
    return SecurityPlans.all();
  }

  static Stream<Named> samples() {
    return SecurityPlans.samples();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyPlanYieldsTheSecurityDocumentsWithTheirSections(Named named) {
    Map<String, String> docs = SecurityPlans.security(named.plan());
    List<String> expected = new ArrayList<>(List.of("security/SECURITY.md", "security/THREAT-MODEL.md",
        "security/ASVS.md", "security/AUTHZ-MATRIX.md"));
    if (!named.plan().requirements().compliance().isEmpty()) {
      expected.add("security/COMPLIANCE.md");
    }
    assertThat(docs.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    List<String> headings = docs.get("security/SECURITY.md").lines().filter(l -> l.startsWith("## "))
        .map(l -> l.substring(3)).toList();
    assertThat(headings).containsExactlyElementsOf(SECTIONS);
  }

  @Test
  void theAsvsLevelFollowsDataSensitivityAndCompliance() {
    Map<String, Integer> levels = samples().collect(Collectors.toMap(Named::name,
        n -> AsvsCatalog.level(SecurityFacts.of(n.plan()))));
    // pci-dss → 3; gdpr/soc2/iso27001 or pii fields → 2; nothing sensitive → 1
    assertThat(levels).containsExactlyInAnyOrderEntriesOf(Map.of("ecommerce", 3, "fintech-ledger", 3,
        "saas-projects", 2, "iot-telemetry", 2, "minimal", 1, "library", 2, "ride-hailing", 3,
        "clinic-residency", 3));
    for (Named n : samples().toList()) {
      String asvs = SecurityPlans.security(n.plan()).get("security/ASVS.md");
      assertThat(asvs).contains("**ASVS level " + levels.get(n.name()) + ".**");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void asvsRowsUseRealIdsUpToTheLevelAndTheApiTop10IsComplete(Named named) {
    String asvs = SecurityPlans.security(named.plan()).get("security/ASVS.md");
    int level = AsvsCatalog.level(SecurityFacts.of(named.plan()));
    Map<String, Integer> catalog = AsvsCatalog.REQUIREMENTS.stream()
        .collect(Collectors.toMap(AsvsCatalog.Requirement::id, AsvsCatalog.Requirement::level));
    Matcher m = ASVS_ID.matcher(asvs);
    int rows = 0;
    while (m.find()) {
      rows++;
      assertThat(catalog).as(m.group(1)).containsKey(m.group(1));
      assertThat(Integer.parseInt(m.group(2))).as(m.group(1)).isEqualTo(catalog.get(m.group(1)))
          .isLessThanOrEqualTo(level);
    }
    assertThat(rows).isGreaterThan(30);
    List<String> top10 = new ArrayList<>();
    Matcher api = API_ID.matcher(asvs);
    while (api.find()) {
      top10.add(api.group(1));
    }
    assertThat(top10).containsExactly("API1:2023", "API2:2023", "API3:2023", "API4:2023", "API5:2023", "API6:2023",
        "API7:2023", "API8:2023", "API9:2023", "API10:2023");
  }

  @Test
  void theCatalogHoldsAsvs403IdsWithTheirLevels() {
    // spot checks against the 4.0.3 release: level 1, 2 and 3 requirements
    Map<String, Integer> catalog = AsvsCatalog.REQUIREMENTS.stream()
        .collect(Collectors.toMap(AsvsCatalog.Requirement::id, AsvsCatalog.Requirement::level));
    assertThat(catalog).contains(Map.entry("V4.2.1", 1), Map.entry("V1.1.2", 2), Map.entry("V6.2.7", 3),
        Map.entry("V8.1.5", 3), Map.entry("V13.4.1", 2), Map.entry("V14.5.3", 1));
    assertThat(AsvsCatalog.REQUIREMENTS.stream().map(AsvsCatalog.Requirement::chapter).distinct().toList())
        .containsExactlyElementsOf(AsvsCatalog.CHAPTERS.stream().map(c -> c[0]).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theClassificationListsEveryPersonalAndSecretFieldByEntity(Named named) {
    Plan plan = named.plan();
    String security = SecurityPlans.security(plan).get("security/SECURITY.md");
    for (Service s : plan.requirements().services()) {
      for (Entity e : plan.requirements().ownedBy(s)) {
        for (Field f : e.fields()) {
          String row = "| " + e.name() + " | " + f.name() + " | " + f.type().spelling() + " | " + s.name() + " |";
          if (f.pii() || f.secret()) {
            assertThat(security).as(e.name() + "." + f.name()).contains(row);
          } else {
            assertThat(security).as(e.name() + "." + f.name()).doesNotContain(row);
          }
        }
      }
    }
    for (Event e : plan.requirements().events()) {
      e.fields().stream().filter(f -> f.pii() || f.secret())
          .forEach(f -> assertThat(security).contains("| " + e.name() + " | " + f.name() + " |"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void complianceHasOneSectionPerRegimeWithWhatRemains(Named named) {
    List<Compliance> regimes = named.plan().requirements().compliance();
    String doc = SecurityPlans.security(named.plan()).get("security/COMPLIANCE.md");
    boolean residency = named.plan().cells().residency();
    if (regimes.isEmpty() && !residency) {
      assertThat(doc).isNull();
      return;
    }
    List<String> headings = doc.lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
    List<String> expected = new java.util.ArrayList<>(regimes.stream().map(ComplianceBuilder::heading).toList());
    if (residency) {
      expected.add("Data residency");
    }
    assertThat(headings).containsExactlyElementsOf(expected);
    for (String h : headings) {
      String section = doc.substring(doc.indexOf("## " + h));
      assertThat(section).contains("| Requirement | Subject | Status | How |");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void everyRelativeLinkAndAnchorOfTheDocumentsResolves(Named named) {
    Map<String, String> workspace = SecurityPlans.workspace(named.plan());
    for (var doc : workspace.entrySet()) {
      if (!doc.getKey().startsWith("security/") && !doc.getKey().startsWith("observability/")
          || !doc.getKey().endsWith(".md")) {
        continue;
      }
      Matcher m = LINK.matcher(doc.getValue());
      while (m.find()) {
        String link = m.group(1);
        if (link.startsWith("http")) {
          continue;
        }
        String[] parts = link.split("#", 2);
        String target = parts[0].isEmpty() ? doc.getKey()
            : Path.of(doc.getKey()).getParent().resolve(parts[0]).normalize().toString().replace('\\', '/');
        assertThat(workspace).as(doc.getKey() + " links to " + link).containsKey(target);
        if (parts.length == 2) {
          assertThat(anchors(workspace.get(target))).as(doc.getKey() + " links to " + link).contains(parts[1]);
        }
      }
    }
  }

  private static Set<String> anchors(String markdown) {
    return markdown.lines().filter(l -> l.startsWith("#")).map(l -> l.replaceFirst("^#+ ", "").replace("`", ""))
        .map(Md::anchor).collect(Collectors.toSet());
  }
}
