package dev.archforge.facts.schema;

import dev.archforge.facts.Naming;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.List;

/**
 * The DynamoDB table of a service that owns entities, {@code <project>-<service>}: the name
 * db/&lt;service&gt;/dynamodb.json creates and infra/'s backup plan selects.
 */
public final class DynamoTableName {
  private DynamoTableName() {}

  /** {@code <project>-<service>}: letters, digits, dots, dashes and underscores, 3 to 255 characters. */
  public static String of(Requirements r, Service s) {
    return Naming.kebab(r.project().name()) + "-" + Naming.kebab(s.name());
  }

  /** Every service's table when the plan's database is DynamoDB; else none. */
  public static List<String> all(Schemas schemas, Requirements r) {
    return schemas.database().equals("dynamodb") ? schemas.owners().stream().map(s -> of(r, s)).toList() : List.of();
  }
}
