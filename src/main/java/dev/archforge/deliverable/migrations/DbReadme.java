package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.ChangeCode;
import dev.archforge.facts.schema.Dialect;
import dev.archforge.facts.schema.Evolutions;
import dev.archforge.facts.schema.FieldProtection;
import dev.archforge.facts.schema.Schema;
import dev.archforge.facts.schema.SqlNames;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.Role;
import dev.archforge.facts.schema.Table;
import dev.archforge.facts.schema.Tenancy;
import dev.archforge.model.Field;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the view of {@code db/README.md} from the schemas. */
final class DbReadme {
  private DbReadme() {}

  static DbReadmeView view(Plan plan, FieldProtection protection, String database, Dialect dialect,
      List<Schema> schemas) {
    Requirements r = plan.requirements();
    boolean monolith = plan.chose("architecture-style", "modular-monolith");
    List<DbReadmeView.ServiceRow> rows = schemas.stream().map(s -> new DbReadmeView.ServiceRow(s.service(),
        "db/" + s.service() + "/migrations", s.name(), s.tables().stream().map(Table::name).toList())).toList();
    List<String> scoped = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    for (Schema s : schemas) {
      for (Table t : s.tables()) {
        if (t.tenant() != null) {
          scoped.add(t.name() + "." + t.tenant().column());
        }
        for (Column c : t.columns()) {
          guarded(r, protection, t, c).ifPresent(secrets::add);
        }
      }
    }
    boolean multiTenant = dialect != null && Tenancy.of(r).multiTenant();
    DbReadmeView.Tenancy tenancy = multiTenant ? new DbReadmeView.Tenancy(dialect.rowLevelSecurity(), scoped) : null;
    List<DbReadmeView.Code> codes = Arrays.stream(ChangeCode.values())
        .map(c -> new DbReadmeView.Code(c.name(), c.title(), c.needsConsent())).toList();
    String prefix = database.equals("cassandra") ? "CQL" : database.equals("dynamodb") ? "DDB" : null;
    if (prefix != null) {
      codes = Arrays.stream(ModelChangeCode.values()).filter(c -> c.name().startsWith(prefix))
          .map(c -> new DbReadmeView.Code(c.name(), c.title(), c.needsConsent())).toList();
    }
    return new DbReadmeView(r.project().displayTitle(), database, dialect != null,
        dialect == null ? null : dialect.title(), monolith, SqlNames.schema(r.project().name()), rows, tenancy, secrets,
        codes, r.scale().availability() >= Evolutions.EXPAND_CONTRACT_FROM);
  }

  /** How a hashed or encrypted column holds its field, with its blind index when it has one. */
  private static java.util.Optional<String> guarded(Requirements r, FieldProtection protection, Table t, Column c) {
    if (c.role() != Role.FIELD || t.isJoinTable()) {
      return java.util.Optional.empty();
    }
    Field f = r.entity(t.entity()).flatMap(e -> e.fields().stream().filter(x -> x.name().equals(c.source())).findFirst())
        .orElse(null);
    if (f == null || protection.storage(f) == FieldProtection.Storage.PLAIN) {
      return java.util.Optional.empty();
    }
    String how = protection.storage(f) == FieldProtection.Storage.HASH ? "a salted argon2id hash"
        : "AES-256-GCM ciphertext" + (protection.blindIndexed(f) ? ", with a blind index (HMAC-SHA-256) in "
            + FieldProtection.blindIndexOf(c.name()) + " for its unique key or index" : "");
    return java.util.Optional.of(t.name() + "." + c.name() + ": " + how + ".");
  }
}
