package dev.archforge.facts.schema;

import dev.archforge.facts.Naming;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.ForeignKey;
import dev.archforge.facts.schema.Table.Index;
import dev.archforge.facts.schema.Table.Key;
import dev.archforge.facts.schema.Table.Role;
import dev.archforge.model.Entity;
import dev.archforge.model.Relation;
import dev.archforge.model.RelationKind;
import dev.archforge.model.Requirements;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One join table per many-to-many relation, named after both sides ({@code Member.teams} →
 * {@code member_team}, {@code Link} appended while the name is an entity's). A relation declared on
 * both sides shares the table of the side declared first. The composite primary key (owner, target)
 * also serves the owner's foreign key; the target's gets its own index. Deleting either side deletes
 * its links.
 */
final class JoinTables {
  private final Requirements requirements;
  private final Dialect dialect;

  JoinTables(Requirements requirements, Dialect dialect) {
    this.requirements = requirements;
    this.dialect = dialect;
  }

  List<Table> of(List<Entity> entities) {
    Set<String> taken = new HashSet<>(requirements.entities().stream().map(Entity::name).toList());
    Set<String> open = new HashSet<>();
    List<Table> tables = new ArrayList<>();
    for (Entity e : entities) {
      for (Relation rel : e.relations()) {
        if (rel.kind() != RelationKind.MANY_TO_MANY || open.remove(rel.to() + "->" + e.name())) {
          continue;
        }
        open.add(e.name() + "->" + rel.to());
        String pascal = e.name() + Naming.pascal(Naming.singular(rel.name()));
        while (!taken.add(pascal)) {
          pascal = pascal + "Link";
        }
        tables.add(table(SqlNames.table(pascal), e, rel));
      }
    }
    return tables;
  }

  private Table table(String name, Entity e, Relation rel) {
    Entity target = requirements.entity(rel.to()).orElseThrow();
    String owner = SqlNames.joinOwnerColumn(e.name());
    String other = SqlNames.joinTargetColumn(e.name(), rel.name());
    List<Column> columns = List.of(
        new Column(owner, dialect.idType(e.id()), null, true, null, null, "The " + Naming.prose(e.name()) + ".",
            Role.REFERENCE, rel.name()),
        new Column(other, dialect.idType(target.id()), null, true, null, null,
            "The " + Naming.prose(rel.to()) + " it is linked to.", Role.REFERENCE, rel.name()));
    List<ForeignKey> keys = List.of(
        new ForeignKey(SqlNames.constraint("fk", name, List.of(owner)), owner, SqlNames.table(e.name()), "CASCADE"),
        new ForeignKey(SqlNames.constraint("fk", name, List.of(other)), other, SqlNames.table(target.name()),
            "CASCADE"));
    String about = rel.description() == null || rel.description().isBlank() ? "" : " " + rel.description().strip();
    String comment = FieldColumns.clip("Links " + Naming.prose(Naming.plural(e.name())) + " and "
        + Naming.prose(Naming.plural(rel.to())) + " (many-to-many '" + e.name() + "." + rel.name() + "')." + about);
    return new Table(name, e.name(), rel.name(), comment, columns,
        new Key(SqlNames.constraint("pk", name, List.of()), List.of(owner, other)), List.of(), List.of(),
        List.of(new Index(SqlNames.constraint("ix", name, List.of(other)), List.of(other), null, "foreign key")),
        keys, null);
  }
}
