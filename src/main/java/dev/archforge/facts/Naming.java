package dev.archforge.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one naming rule of every deliverable: how an entity or field name of the requirements
 * ({@code OrderLine}, {@code fullName}) is spelled in paths, identifiers, columns and files. Pure
 * functions; a name is split into words at case changes ({@code HTTPServer} is {@code HTTP},
 * {@code Server}), at {@code -}, {@code _} and spaces; digits stay with the word before them.
 */
public final class Naming {
  private Naming() {}

  /** The words of a name, lower-cased: {@code OrderLine} → [order, line]. */
  public static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '_' || c == ' ' || c == '.') {
        flush(word, words);
        continue;
      }
      if (Character.isUpperCase(c) && !word.isEmpty()) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (!Character.isUpperCase(prev) || nextLower) {
          flush(word, words);
        }
      }
      word.append(c);
    }
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (!word.isEmpty()) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }

  /** {@code OrderLine} → {@code order-line}. */
  public static String kebab(String name) {
    return String.join("-", words(name));
  }

  /** {@code orderLine} → {@code order_line}. */
  public static String snake(String name) {
    return String.join("_", words(name));
  }

  /** {@code OrderLine} or {@code order-line} → {@code orderLine}. */
  public static String lowerCamel(String name) {
    String pascal = pascal(name);
    return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  /** {@code order-line} or {@code orderLine} → {@code OrderLine}. */
  public static String pascal(String name) {
    StringBuilder sb = new StringBuilder();
    for (String w : words(name)) {
      sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
    }
    return sb.toString();
  }

  /** Words separated by spaces, for prose: {@code OrderLine} → {@code order line}. */
  public static String prose(String name) {
    return String.join(" ", words(name));
  }

  /**
   * The English plural of a name's last word, keeping the name's spelling otherwise:
   * {@code Category} → {@code Categories}, {@code Address} → {@code Addresses},
   * {@code OrderLine} → {@code OrderLines}. Regular rules only ({@code Person} → {@code Persons}).
   */
  public static String plural(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("y") && lower.length() > 1 && !isVowel(lower.charAt(lower.length() - 2))) {
      return name.substring(0, name.length() - 1) + suffix(name, "ies");
    }
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return name + suffix(name, "es");
    }
    return name + suffix(name, "s");
  }

  /**
   * The singular of a plural name's last word, the inverse of {@link #plural} for regular nouns:
   * {@code tags} → {@code tag}, {@code categories} → {@code category}, {@code addresses} →
   * {@code address}. A name that does not look plural is returned as it is.
   */
  public static String singular(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("ies") && lower.length() > 3) {
      return name.substring(0, name.length() - 3) + suffix(name, "y");
    }
    for (String ending : List.of("sses", "xes", "zes", "ches", "shes", "uses")) {
      if (lower.endsWith(ending) && lower.length() > ending.length()
          && !(ending.equals("uses") && isVowel(lower.charAt(lower.length() - 5)))) {
        return name.substring(0, name.length() - 2);
      }
    }
    if (lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us") && lower.length() > 1) {
      return name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** The path segment of a resource collection: {@code OrderLine} → {@code order-lines}. */
  public static String resourcePath(String entity) {
    return kebab(plural(entity));
  }

  /** The name of an entity's id parameter or reference: {@code Product} → {@code productId}. */
  public static String idName(String entity) {
    return lowerCamel(entity) + "Id";
  }

  /** The name of a list of ids: {@code tags} → {@code tagIds}. */
  public static String idsName(String relation) {
    return lowerCamel(singular(relation)) + "Ids";
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  /** The suffix in the case of the name's last letter ({@code BOX} → {@code BOXES}). */
  private static String suffix(String name, String suffix) {
    char last = name.charAt(name.length() - 1);
    return Character.isUpperCase(last) && name.length() > 1 && Character.isUpperCase(name.charAt(name.length() - 2))
        ? suffix.toUpperCase(Locale.ROOT) : suffix;
  }
}
