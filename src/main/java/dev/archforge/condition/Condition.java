package dev.archforge.condition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A decision-rule condition, parsed once, checked against a catalog of fact types, and tested
 * against facts. It cannot run code: it only reads facts, computes and compares.
 *
 * <p>What can be written, lowest precedence first: {@code or}; {@code and}; {@code not} (before
 * its operand); comparisons {@code == != < <= > >=}, {@code in} and {@code contains}; {@code + -};
 * {@code * /}; a leading {@code -}; parentheses. Values are numbers ({@code 12}, {@code 0.8},
 * {@code 1e6}), text in double or single quotes (escapes {@code \"} {@code \'} {@code \\}),
 * {@code true}, {@code false}, {@code null}, lists written out ({@code ["ledger", "banking"]}, only
 * text or only numbers), and fact names such as {@code scale.readRatio}. Keywords are lower case.
 * Comparisons do not chain: write {@code a < b and b < c}, not {@code a < b < c}.
 *
 * <p>Type rules, checked when parsing: {@code and}, {@code or}, {@code not} need true/false;
 * {@code < <= > >=} and arithmetic need numbers; {@code ==} and {@code !=} need the same type on
 * both sides, or {@code null} on one side; {@code x in list} needs a list of the type of {@code
 * x} (a list of text fact, or a list written out), {@code list contains x} likewise; the whole
 * condition must be true or false. {@code null} may appear only next to {@code ==} or {@code !=}.
 *
 * <p>Facts the user did not give (null values) follow these rules:
 *
 * <ul>
 *   <li>{@code x == null} holds when x is not given; {@code x != null} holds when it is.
 *   <li>Every other comparison, {@code in} and {@code contains} with a value that is not given is
 *       false, even {@code !=}: when {@code project.cloud} is not given, both {@code
 *       project.cloud == "aws"} and {@code project.cloud != "aws"} are false.
 *   <li>Arithmetic with a value that is not given gives "not given"; so does division by zero
 *       (and any result too large to hold).
 *   <li>A true/false fact that is not given counts as false everywhere except next to {@code
 *       null}: {@code not compliance.pciDss} and {@code compliance.pciDss == false} both hold.
 * </ul>
 *
 * <p>Numbers are equal only when exactly equal; text is compared by exact characters (case
 * matters); lists are equal when they hold equal items in the same order.
 *
 * <p>Limits: at most 2000 characters, nesting (parentheses, {@code not}, leading {@code -}) at
 * most 40 deep, at most 200 items in a list written out. Instances are immutable and safe to
 * share between threads.
 */
public final class Condition {
  /** The longest condition text accepted. */
  public static final int MAX_LENGTH = 2000;

  private final String text;
  private final Expr root;
  private final List<String> names;
  private final Map<String, Type> types;

  /** One operand of the top-level and/or chain, as written, and whether it held. */
  public record Step(String text, Boolean result) {}

  private Condition(String text, Parser.Parsed parsed, Map<String, Type> types) {
    this.text = text;
    this.root = parsed.root();
    this.names = parsed.names();
    this.types = types;
  }

  /** Reads and type-checks a condition against the catalog. */
  public static Condition parse(String text, FactTypes types) throws ConditionException {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(types, "types");
    if (text.length() > MAX_LENGTH) {
      throw new ConditionException(
          "a condition can be at most " + MAX_LENGTH + " characters long", MAX_LENGTH);
    }
    Parser.Parsed parsed = Parser.parse(text, types);
    return new Condition(text, parsed, snapshot(parsed.names(), types));
  }

  /**
   * Whether the condition holds for these facts. A fact the condition names but the snapshot
   * lacks counts as not given.
   *
   * @throws IllegalArgumentException when a fact has a different type than when parsed
   */
  public boolean test(Facts facts) {
    return root.holds(checked(facts));
  }

  /**
   * Each operand of the top-level {@code and} or {@code or} chain with whether it held, so a user
   * can see which part failed; one step for a condition that is not such a chain. Every operand
   * is evaluated, also past the first that decides the outcome.
   */
  public List<Step> explain(Facts facts) {
    checked(facts);
    Expr top = root;
    while (top instanceof Expr.Group group) {
      top = group.inner();
    }
    List<Expr> parts = top instanceof Expr.Logic logic ? logic.operands() : List.of(root);
    List<Step> steps = new ArrayList<>();
    for (Expr part : parts) {
      steps.add(new Step(text.substring(part.start(), part.end()), part.holds(facts)));
    }
    return List.copyOf(steps);
  }

  /** The condition as written. */
  public String text() {
    return text;
  }

  /** The fact names the condition reads, in order of first appearance, each once. */
  public List<String> names() {
    return names;
  }

  @Override
  public String toString() {
    return text;
  }

  private Facts checked(Facts facts) {
    Objects.requireNonNull(facts, "facts");
    for (String name : names) {
      Type expected = types.get(name);
      facts.typeOf(name).filter(actual -> actual != expected).ifPresent(actual -> {
        throw new IllegalArgumentException("fact '" + name + "' is " + actual.displayName()
            + " but the condition was checked with it as " + expected.displayName());
      });
    }
    return facts;
  }

  /** The types of the named facts, kept so that later facts can be checked against them. */
  private static Map<String, Type> snapshot(List<String> names, FactTypes types) {
    Map<String, Type> snapshot = new HashMap<>();
    for (String name : names) {
      snapshot.put(name, types.typeOf(name).orElseThrow());
    }
    return Map.copyOf(snapshot);
  }
}
