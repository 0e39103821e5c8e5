package dev.archforge.decide;

import dev.archforge.condition.Facts;
import dev.archforge.model.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {fact.name}} in a rule's text with the fact's value, as a person reads it. */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9.]*)}");

  private Placeholders() {}

  static String fill(String text, Facts facts) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Driver.show(facts.value(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The fact names a text refers to, in order. */
  static List<String> names(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
