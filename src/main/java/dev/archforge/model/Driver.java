package dev.archforge.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One requirement value behind a decision or a figure: the key it is known by in rules and
 * documents (e.g. {@code scale.readRatio}) and its value — a Double, String, Boolean, a list of
 * text, or null when the requirements did not say.
 */
public record Driver(String key, Object value) {
  public Driver {
    value = value instanceof List<?> list ? List.copyOf(list) : value;
  }

  /** The value as a person reads it: numbers without a needless ".0", lists joined, null as "not given". */
  public String shown() {
    return show(value);
  }

  public static String show(Object value) {
    if (value == null) {
      return "not given";
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "none" : String.join(", ", list.stream().map(Driver::show).toList());
    }
    return value.toString();
  }

  /** A number with at most four decimals and no trailing zeros; whole numbers have none. */
  public static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return String.valueOf(d);
    }
    BigDecimal decimal = BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
  }

  @Override
  public String toString() {
    return key + " = " + shown();
  }
}
