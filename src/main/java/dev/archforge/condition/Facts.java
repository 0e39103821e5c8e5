package dev.archforge.condition;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable snapshot of facts to test conditions against. Each fact has a name, a type and a
 * value; a {@code null} value means the user did not say. A fact declared with a null value still
 * has its type, so the snapshot also serves as a {@link FactTypes} catalog. Names keep the order in
 * which they were given.
 */
public final class Facts implements FactTypes {
  private static final Pattern NAME =
      Pattern.compile("[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*");

  private final Map<String, Type> types;
  private final Map<String, Object> values;

  private Facts(Map<String, Type> types, Map<String, Object> values) {
    this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Double, String, Boolean, List of String, or null when the fact is not given or not known. */
  public Object value(String name) {
    return values.get(name);
  }

  @Override
  public Optional<Type> typeOf(String name) {
    return Optional.ofNullable(types.get(name));
  }

  @Override
  public Collection<String> names() {
    return types.keySet();
  }

  /** Every fact by name, in the order given; values may be null. Unmodifiable. */
  public Map<String, Object> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Collects facts; each name may be given once. */
  public static final class Builder {
    private final Map<String, Type> types = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    public Builder number(String name, Double value) {
      if (value != null && !Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "fact '" + name + "' must be a finite number, not " + value);
      }
      return put(name, Type.NUMBER, value);
    }

    public Builder text(String name, String value) {
      return put(name, Type.TEXT, value);
    }

    public Builder flag(String name, Boolean value) {
      return put(name, Type.BOOLEAN, value);
    }

    public Builder texts(String name, List<String> value) {
      if (value != null && value.stream().anyMatch(Objects::isNull)) {
        throw new IllegalArgumentException("fact '" + name + "' holds a null item");
      }
      return put(name, Type.TEXT_LIST, value == null ? null : List.copyOf(value));
    }

    public Facts build() {
      return new Facts(types, values);
    }

    private Builder put(String name, Type type, Object value) {
      Objects.requireNonNull(name, "name");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("'" + name + "' is not a valid fact name");
      }
      if (types.containsKey(name)) {
        throw new IllegalArgumentException("fact '" + name + "' is given twice");
      }
      types.put(name, type);
      values.put(name, value);
      return this;
    }
  }
}
