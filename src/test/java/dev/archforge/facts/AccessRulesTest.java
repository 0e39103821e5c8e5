package dev.archforge.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.load.BlueprintLoader;
import dev.archforge.load.LoadResult;
import dev.archforge.load.RequirementsLoader;
import dev.archforge.model.Access;
import dev.archforge.model.Blueprint;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may read and write an entity whose service states no access: the privileged roles alone. */
class AccessRulesTest {
  private static final String INPUT = """
      archforge: 1
      project:
        name: clinic
      security:
        roles: %s
      services:
        records:
          entities: [Patient, Visit]
          access:
            Patient: { read: [nurse], write: [doctor] }
      entities:
        Patient:
          fields:
            name: { type: string, maxLength: 80, required: true }
        Visit:
          fields:
            note: text
      """;

  @TempDir
  Path dir;

  @Test
  void theStandardBlueprintsPrivilegedRolesAloneMayReadAndWriteAnEntityWithoutAccess() {
    Requirements r = requirements("[administrator, doctor, nurse]");
    AccessRules rules = new AccessRules(r, standard().defaults().privilegedRoles());
    assertThat(rules.privileged()).containsExactly("administrator");
    Service records = r.services().get(0);
    assertThat(rules.of(records, "Visit")).isEqualTo(new Access(List.of("administrator"), List.of("administrator")));
    assertThat(rules.of(records, "Patient")).isEqualTo(new Access(List.of("nurse"), List.of("doctor")));
    assertThat(rules.stated(records, "Visit")).isFalse();
    assertThat(rules.defaulted()).containsExactly(new AccessRules.Defaulted("records", "Visit", "clinic.yaml:8:25"));
    assertThat(rules.warnings()).containsExactly("clinic.yaml:8:25: warning: service 'records' states no access for "
        + "entity 'Visit', so only administrator may read or write it (deny by default); say who may under "
        + "'services.records.access.Visit'");
  }

  @Test
  void withoutARoleTheBlueprintNamesTheLastRoleIsTheMostPrivileged() {
    Requirements r = requirements("[patient, nurse, doctor]");
    AccessRules rules = new AccessRules(r, standard().defaults().privilegedRoles());
    assertThat(rules.privileged()).containsExactly("doctor");
    assertThat(rules.of(r.services().get(0), "Visit").write()).containsExactly("doctor");
    assertThat(rules.writeEverything()).containsExactly("doctor");
  }

  @Test
  void aTeamBlueprintNamesItsOwnPrivilegedRoles() throws IOException {
    Files.writeString(dir.resolve("blueprint.yaml"), """
        extends: standard
        defaults:
          privilegedRoles: [nurse]
        """);
    Blueprint team = new BlueprintLoader(Pipeline.deliverableIds()).load(dir.toString(), dir).blueprint()
        .orElseThrow();
    AccessRules rules = new AccessRules(requirements("[patient, nurse, doctor]"), team.defaults().privilegedRoles());
    assertThat(rules.privileged()).containsExactly("nurse");
    assertThat(rules.writeEverything()).isEmpty();
  }

  private static Requirements requirements(String roles) {
    LoadResult loaded = new RequirementsLoader().load("clinic.yaml", INPUT.formatted(roles));
    assertThat(loaded.errors()).isEmpty();
    return loaded.requirements().orElseThrow();
  }

  private static Blueprint standard() {
    return new BlueprintLoader(Pipeline.deliverableIds()).load("standard", Path.of(".")).blueprint().orElseThrow();
  }
}
