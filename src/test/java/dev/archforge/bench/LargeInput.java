package dev.archforge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large requirements file for the benchmark: {@code entities} entities of 10 fields,
 * five per service (the last one fewer), a many-to-one between neighbours, one event per service consumed by the next
 * service, and a synchronous call from every other service to the next.
 * Usage: {@code LargeInput ENTITIES FILE [PROJECT]} (the project's name, default {@code large}).
 */
public final class LargeInput {
  private static final String[] TYPES = {"string", "text", "integer", "long", "decimal", "boolean", "date",
      "datetime", "uuid", "email"};

  private LargeInput() {}

  public static void main(String[] args) throws IOException {
    int entities = Integer.parseInt(args[0]);
    Files.writeString(Path.of(args[1]), text(entities, args.length > 2 ? args[2] : "large",
        args.length > 3 ? Integer.parseInt(args[3]) : 10));
  }

  /** The requirements text for {@code entities} entities. */
  public static String text(int entities) {
    return text(entities, "large");
  }

  /**
   * One service that owns {@code entities} entities of five fields, each but the first with a
   * many-to-one relation to the one before: a single API, database and proto of that size.
   */
  public static String oneService(int entities) {
    StringBuilder y = new StringBuilder("archforge: 1\nproject: { name: big }\nservices:\n  api:\n    entities: [");
    for (int e = 0; e < entities; e++) {
      y.append(e == 0 ? "" : ", ").append("Thing").append(e);
    }
    y.append("]\nentities:\n");
    for (int e = 0; e < entities; e++) {
      y.append("  Thing").append(e).append(":\n    fields: { name: { type: string, maxLength: 80 }, amount: decimal, ")
          .append("note: text, at: datetime, flag: boolean }\n");
      if (e > 0) {
        y.append("    relations: { parent: { to: Thing").append(e - 1).append(", kind: many-to-one } }\n");
      }
    }
    return y.toString();
  }

  /** The requirements text for {@code entities} entities, for a project of that name. */
  public static String text(int entities, String project) {
    return text(entities, project, 10);
  }

  /**
   * The same with {@code fields} fields per entity (1 to 10); with one, each entity takes one line,
   * so that 20,000 entities stay under the loader's 3 MiB of text.
   */
  public static String text(int entities, String project, int fields) {
    int services = Math.max(1, (entities + 4) / 5); // the last service takes the 1 to 5 left over
    StringBuilder y = new StringBuilder();
    y.append("archforge: 1\nproject:\n  name: ").append(project).append("\n  cloud: aws\n  team: { size: 40 }\n")
        .append("  budget: { monthlyUsd: 50000 }\n")
        .append("scale: { concurrentUsers: 200000, readRatio: 0.85, dataGb: 800, growthGbPerMonth: 30, ")
        .append("latencyP99Ms: 250, availability: 99.95, regions: 1 }\n")
        .append("compliance: [gdpr]\nsecurity:\n  roles: [customer, staff, admin]\nservices:\n");
    for (int s = 0; s < services; s++) {
      y.append("  svc").append(s).append(":\n    exposure: ").append(s % 4 == 0 ? "public" : "internal")
          .append("\n    entities: [");
      for (int e = s * 5; e < Math.min(entities, s * 5 + 5); e++) {
        y.append(e == s * 5 ? "" : ", ").append("Thing").append(e);
      }
      y.append("]\n    publishes: [Event").append(s).append("]\n");
      if (s > 0) {
        y.append("    consumes: [Event").append(s - 1).append("]\n");
      }
      if (s % 2 == 0 && s + 1 < services) {
        y.append("    calls: [svc").append(s + 1).append("]\n");
      }
    }
    y.append("entities:\n");
    for (int e = 0; e < entities; e++) {
      if (fields == 1) { // one line per entity, so that 20,000 of them stay under the 3 MiB of text
        y.append("  Thing").append(e).append(": { fields: { field0: string }")
            .append(e % 5 != 0 ? ", relations: { parent: { to: Thing" + (e - 1) + ", kind: many-to-one } }" : "")
            .append(" }\n");
        continue;
      }
      y.append("  Thing").append(e).append(":\n    fields:\n");
      for (int f = 0; f < fields; f++) {
        String type = TYPES[f];
        y.append("      field").append(f).append(": { type: ").append(type);
        if (type.equals("string")) {
          y.append(", maxLength: 120, indexed: true");
        }
        if (f == 0 || f == 9) {
          y.append(", required: true");
        }
        if (type.equals("email")) {
          y.append(", pii: true");
        }
        y.append(" }\n");
      }
      if (e % 5 != 0) {
        y.append("    relations:\n      parent: { to: Thing").append(e - 1).append(", kind: many-to-one }\n");
      }
    }
    y.append("events:\n");
    for (int s = 0; s < services; s++) {
      if (fields == 1) {
        y.append("  Event").append(s).append(": { fields: { thingId: uuid } }\n");
        continue;
      }
      y.append("  Event").append(s).append(":\n    fields:\n      thingId: { type: uuid, required: true }\n")
          .append("      amount: { type: decimal, required: true }\n");
    }
    return y.toString();
  }
}
