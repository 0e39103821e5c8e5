package dev.archforge.facts;

import dev.archforge.model.BlueprintDefaults;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;

/**
 * Sentences of descriptions and comments, and the ones every contract says about a field: what it
 * is, its length or range, uniqueness and personal data. Constraints the file leaves out come from
 * the blueprint's defaults.
 */
public final class Sentences {
  private static final int DEFAULT_PRECISION = 19;
  private static final int DEFAULT_SCALE = 2;
  public static final String PII =
      "Personal data (PII): processed under the data-protection policy and never written to logs.";

  private Sentences() {}

  /** The text ending in {@code .}, {@code !} or {@code ?}, adding a full stop when it has none. */
  public static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }

  public static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** {@code an order} or {@code a customer}. */
  public static String article(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  /** The requirements' description of a field, or {@code Full name of the customer.} */
  public static String about(Entity entity, Field f) {
    return f.description() != null && !f.description().isBlank() ? sentence(f.description())
        : sentence(capitalized(Naming.prose(f.name())) + " of the " + Naming.prose(entity.name()));
  }

  /** The length of a string or text field, and its pattern. */
  public static String length(Field f, BlueprintDefaults defaults) {
    int max = f.maxLength() != null ? f.maxLength()
        : f.type() == FieldType.TEXT ? defaults.textMaxLength() : defaults.stringMaxLength();
    String length = f.minLength() != null ? "From " + f.minLength() + " to " + max + " characters."
        : "At most " + max + " characters.";
    return f.pattern() == null ? length : length + " Matches the regular expression `" + f.pattern() + "`.";
  }

  /** The range of a number, or empty when it has none. */
  public static String range(Field f) {
    if (f.min() != null && f.max() != null) {
      return "From " + f.min().toPlainString() + " to " + f.max().toPlainString() + ".";
    }
    if (f.min() != null) {
      return "At least " + f.min().toPlainString() + ".";
    }
    return f.max() == null ? "" : "At most " + f.max().toPlainString() + ".";
  }

  public static String unique(Entity entity) {
    return "Unique among all " + Naming.prose(Naming.plural(entity.name())) + ".";
  }

  public static int scale(Field f) {
    return f.scale() == null ? DEFAULT_SCALE : f.scale();
  }

  /** The digits a decimal may have before the point. */
  public static int integerDigits(Field f) {
    return (f.precision() == null ? DEFAULT_PRECISION : f.precision()) - scale(f);
  }
}
