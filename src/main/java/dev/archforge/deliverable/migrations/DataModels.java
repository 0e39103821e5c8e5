package dev.archforge.deliverable.migrations;

import dev.archforge.deliverable.migrations.CqlEvolution.CqlModel;
import dev.archforge.facts.Facts;
import dev.archforge.model.Plan;
import dev.archforge.model.SchemaHistory;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the Cassandra or DynamoDB model of every service goes on from the one the last run recorded:
 * built once per run ({@link #of}), so the migrations deliverable, the consent gate and the run's
 * report read the same changes, and the run records each model for the next.
 */
public final class DataModels {
  /** A new file of a run (a CQL migration, or dynamodb.json with a new changelog version) and its changes. */
  public record Written(String service, String path, List<ModelChange> changes) {
    public Written {
      changes = List.copyOf(changes);
    }
  }

  private final List<CqlEvolution> cassandra = new ArrayList<>();
  private final List<DynamoEvolution> dynamo = new ArrayList<>();

  private DataModels(Facts facts) {
    Plan plan = facts.plan();
    String database = facts.schemas().database();
    SchemaHistory history = facts.schemaHistory();
    for (Service s : facts.schemas().owners()) {
      if (database.equals("cassandra")) {
        cassandra.add(CqlEvolution.of(s.name(), cassandraModel(plan, s), history.cqlOf(s.name()),
            history.snapshots().get(s.name() + ".cql")));
      } else if (database.equals("dynamodb")) {
        dynamo.add(DynamoEvolution.of(s.name(), DynamoTables.of(plan.requirements(), s, plan.capacity()),
            history.snapshots().get(s.name() + ".dynamodb")));
      }
    }
  }

  /** The run's models, built on first use. */
  public static DataModels of(Facts facts) {
    return facts.derived(DataModels.class, DataModels::new);
  }

  List<CqlEvolution> cassandra() {
    return cassandra;
  }

  List<DynamoEvolution> dynamo() {
    return dynamo;
  }

  /** The files this run adds or changes with their changes; none on a first run or when nothing changed. */
  public List<Written> written() {
    List<Written> written = new ArrayList<>();
    cassandra.stream().filter(e -> e.file() != null).forEach(e -> written.add(new Written(e.service(), e.file(), e.changes())));
    dynamo.stream().filter(e -> !e.changes().isEmpty())
        .forEach(e -> written.add(new Written(e.service(), MigrationsDeliverable.dynamoPath(e.service()), e.changes())));
    return written;
  }

  /** What each service's model is after this run, to record: {@code <service>.cql} or {@code <service>.dynamodb} → JSON. */
  public SortedMap<String, String> snapshots() {
    SortedMap<String, String> snapshots = new TreeMap<>();
    cassandra.forEach(e -> snapshots.put(e.service() + ".cql", ModelJson.write(e.desired())));
    dynamo.forEach(e -> snapshots.put(e.service() + ".dynamodb", ModelJson.write(e.after())));
    return snapshots;
  }

  /** The keyspace, replication (three replicas in each region's datacenter) and tables of one service. */
  static CqlModel cassandraModel(Plan plan, Service s) {
    var r = plan.requirements();
    List<String> datacenters = new ArrayList<>();
    for (int i = 1; i <= r.scale().regions(); i++) {
      datacenters.add("'dc" + i + "': 3");
    }
    return new CqlModel(CqlTables.keyspace(r, s), String.join(", ", datacenters), CqlTables.of(r, s));
  }
}
