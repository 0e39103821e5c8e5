package dev.archforge.condition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fact catalog the condition tests parse against, and facts over it. */
final class Catalog {
  private static final Map<String, Type> TYPES_BY_NAME = new LinkedHashMap<>();

  static {
    for (String name : List.of("team.size", "services.count", "services.publicCount",
        "scale.readRatio", "capacity.peakRps", "budget.monthlyUsd", "cost.monthlyUsd",
        "events.crossService")) {
      TYPES_BY_NAME.put(name, Type.NUMBER);
    }
    for (String name : List.of("project.cloud", "project.domain", "decision.architectureStyle")) {
      TYPES_BY_NAME.put(name, Type.TEXT);
    }
    TYPES_BY_NAME.put("compliance", Type.TEXT_LIST);
    for (String name : List.of("compliance.pciDss", "a", "b", "c")) {
      TYPES_BY_NAME.put(name, Type.BOOLEAN);
    }
  }

  /** Every catalog fact declared, none given. */
  static final Facts TYPES = facts();

  private Catalog() {}

  /**
   * Every catalog fact declared; those named in {@code pairs} (name, value, name, value ...) given.
   * Numbers may be given as any Number.
   */
  @SuppressWarnings("unchecked")
  static Facts facts(Object... pairs) {
    Map<String, Object> given = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (!TYPES_BY_NAME.containsKey((String) pairs[i])) {
        throw new IllegalArgumentException("not in the catalog: " + pairs[i]);
      }
      given.put((String) pairs[i], pairs[i + 1]);
    }
    Facts.Builder builder = Facts.builder();
    TYPES_BY_NAME.forEach((name, type) -> {
      Object value = given.get(name);
      switch (type) {
        case NUMBER -> builder.number(name, value == null ? null : ((Number) value).doubleValue());
        case TEXT -> builder.text(name, (String) value);
        case BOOLEAN -> builder.flag(name, (Boolean) value);
        case TEXT_LIST -> builder.texts(name, (List<String>) value);
      }
    });
    return builder.build();
  }

  static Condition parse(String text) throws ConditionException {
    return Condition.parse(text, TYPES);
  }
}
