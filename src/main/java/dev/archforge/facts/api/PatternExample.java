package dev.archforge.facts.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Makes a string that a regular expression matches, for the {@code example} of a property with a
 * {@code pattern}. Understands the usual subset (literals, classes, {@code \d \w \s}, groups,
 * alternation, quantifiers, anchors); anything else (look-around, back-references) gives no
 * example rather than a wrong one. Every candidate is checked with {@link Pattern} before use.
 */
final class PatternExample {
  private static final int[] EXTRA_REPEATS = {0, 1, 2, 4, 8, 16, 32, 64};
  private static final int MAX_LENGTH = 100_000;

  private final String regex;
  private int pos;

  private PatternExample(String regex) {
    this.regex = regex;
  }

  /**
   * A string of {@code minLength..maxLength} characters in which {@code regex} finds a match (the
   * JSON Schema reading of {@code pattern}: not anchored unless the pattern anchors itself).
   */
  static Optional<String> of(String regex, int minLength, int maxLength) {
    Pattern compiled;
    try {
      compiled = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
    for (int extra : EXTRA_REPEATS) {
      Optional<String> candidate = new PatternExample(regex).generate(extra);
      if (candidate.isEmpty()) {
        return Optional.empty();
      }
      String s = candidate.get();
      if (s.length() > maxLength) {
        return Optional.empty();
      }
      if (s.length() < minLength) {
        s = s + "x".repeat(minLength - s.length());
      }
      if (compiled.matcher(s).find()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private Optional<String> generate(int extra) {
    try {
      StringBuilder out = new StringBuilder();
      alternation(out, extra);
      return pos == regex.length() ? Optional.of(out.toString()) : Optional.empty();
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  /** The first branch of an alternation is printed, the others are skipped. */
  private void alternation(StringBuilder out, int extra) {
    sequence(out, extra);
    while (peek() == '|') {
      pos++;
      sequence(new StringBuilder(), extra);
    }
  }

  private void sequence(StringBuilder out, int extra) {
    while (pos < regex.length() && peek() != '|' && peek() != ')') {
      StringBuilder atom = new StringBuilder();
      atom(atom, extra);
      int[] bounds = quantifier();
      int times = bounds[0] == bounds[1] ? bounds[0]
          : (int) Math.min((long) bounds[0] + extra, bounds[1]);
      if ((long) times * atom.length() > MAX_LENGTH) {
        throw new Unsupported();
      }
      out.append(atom.toString().repeat(times));
    }
  }

  private void atom(StringBuilder out, int extra) {
    char c = regex.charAt(pos++);
    switch (c) {
      case '(' -> {
        if (peek() == '?') {
          if (pos + 1 < regex.length() && regex.charAt(pos + 1) == ':') {
            pos += 2;
          } else {
            throw new Unsupported();
          }
        }
        alternation(out, extra);
        expect(')');
      }
      case '[' -> out.append(charClass());
      case '.' -> out.append('a');
      case '^', '$' -> { }
      case '\\' -> escape(out);
      case '*', '+', '?', '{', ')', ']', '}' -> throw new Unsupported();
      default -> out.append(c);
    }
  }

  private void escape(StringBuilder out) {
    char c = next();
    switch (c) {
      case 'd' -> out.append('1');
      case 'D', 'w', 'S' -> out.append('a');
      case 'W' -> out.append('-');
      case 's' -> out.append(' ');
      case 'b', 'B', 'A', 'z', 'Z' -> { }
      case 't' -> out.append('\t');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 'u' -> out.append((char) hex(4));
      case 'x' -> out.append((char) hex(2));
      default -> {
        if (Character.isLetterOrDigit(c)) {
          throw new Unsupported();
        }
        out.append(c);
      }
    }
  }

  /** A character the class allows: the first of a positive class, a common one otherwise. */
  private char charClass() {
    boolean negated = peek() == '^';
    if (negated) {
      pos++;
    }
    List<char[]> ranges = new ArrayList<>();
    boolean first = true;
    while (peek() != ']' || first) {
      first = false;
      char from = classChar(ranges);
      if (from == 0) {
        continue;
      }
      if (peek() == '-' && pos + 1 < regex.length() && regex.charAt(pos + 1) != ']') {
        pos++;
        char to = classChar(ranges);
        ranges.add(new char[] {from, to == 0 ? from : to});
      } else {
        ranges.add(new char[] {from, from});
      }
    }
    pos++;
    if (!negated) {
      if (ranges.isEmpty()) {
        throw new Unsupported();
      }
      return ranges.get(0)[0];
    }
    for (char candidate : "aA1x_-. ".toCharArray()) {
      if (ranges.stream().noneMatch(r -> candidate >= r[0] && candidate <= r[1])) {
        return candidate;
      }
    }
    throw new Unsupported();
  }

  /** One character of a class, or 0 after adding a shorthand such as {@code \d} as ranges. */
  private char classChar(List<char[]> ranges) {
    char c = next();
    if (c != '\\') {
      return c;
    }
    char e = next();
    switch (e) {
      case 'd' -> ranges.add(new char[] {'0', '9'});
      case 'w' -> {
        ranges.add(new char[] {'a', 'z'});
        ranges.add(new char[] {'A', 'Z'});
        ranges.add(new char[] {'0', '9'});
        ranges.add(new char[] {'_', '_'});
      }
      case 's' -> ranges.add(new char[] {' ', ' '});
      case 't' -> { return '\t'; }
      case 'n' -> { return '\n'; }
      case 'r' -> { return '\r'; }
      case 'u' -> { return (char) hex(4); }
      case 'x' -> { return (char) hex(2); }
      default -> {
        if (Character.isLetterOrDigit(e)) {
          throw new Unsupported();
        }
        return e;
      }
    }
    return 0;
  }

  /** {@code {min, max}} of the quantifier at the cursor, consumed; {@code {1, 1}} when there is none. */
  private int[] quantifier() {
    int[] bounds;
    switch (peek()) {
      case '*' -> bounds = new int[] {0, Integer.MAX_VALUE};
      case '+' -> bounds = new int[] {1, Integer.MAX_VALUE};
      case '?' -> bounds = new int[] {0, 1};
      case '{' -> bounds = braces();
      default -> {
        return new int[] {1, 1};
      }
    }
    pos++;
    if (peek() == '?' || peek() == '+') {
      pos++;
    }
    if (bounds[0] > bounds[1]) {
      throw new Unsupported();
    }
    return bounds;
  }

  /** The bounds of {@code {n}}, {@code {n,}} or {@code {n,m}}; leaves the cursor on the '}'. */
  private int[] braces() {
    int close = regex.indexOf('}', pos);
    if (close < 0) {
      throw new Unsupported();
    }
    String body = regex.substring(pos + 1, close);
    pos = close;
    try {
      int comma = body.indexOf(',');
      if (comma < 0) {
        int n = Integer.parseInt(body.trim());
        return new int[] {n, n};
      }
      int min = Integer.parseInt(body.substring(0, comma).trim());
      String rest = body.substring(comma + 1).trim();
      return new int[] {min, rest.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(rest)};
    } catch (NumberFormatException e) {
      throw new Unsupported();
    }
  }

  private int hex(int digits) {
    if (pos + digits > regex.length()) {
      throw new Unsupported();
    }
    try {
      int value = Integer.parseInt(regex.substring(pos, pos + digits), 16);
      pos += digits;
      return value;
    } catch (NumberFormatException e) {
      throw new Unsupported();
    }
  }

  private char peek() {
    return pos < regex.length() ? regex.charAt(pos) : 0;
  }

  private char next() {
    if (pos >= regex.length()) {
      throw new Unsupported();
    }
    return regex.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw new Unsupported();
    }
  }

  /** The pattern uses something this generator does not imitate. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }
}
