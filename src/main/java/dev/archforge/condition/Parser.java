package dev.archforge.condition;

import dev.archforge.condition.Token.Sort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive descent over the tokens of one condition, lowest precedence first: or, and, not,
 * comparison, + -, * /, unary -, primary. Type rules are applied as each node is built.
 */
final class Parser {
  static final int MAX_DEPTH = 40;
  static final int MAX_LIST_ITEMS = 200;

  private final List<Token> tokens;
  private final FactTypes types;
  private final TypeCheck check;
  private final Set<String> names = new LinkedHashSet<>();
  private int index;
  private int depth;

  /** The checked tree and the fact names it reads, in order of first appearance. */
  record Parsed(Expr root, List<String> names) {}

  private Parser(List<Token> tokens, FactTypes types, TypeCheck check) {
    this.tokens = tokens;
    this.types = types;
    this.check = check;
  }

  static Parsed parse(String text, FactTypes types) throws ConditionException {
    Parser parser = new Parser(Lexer.tokens(text), types, new TypeCheck(text));
    return parser.condition();
  }

  private Parsed condition() throws ConditionException {
    if (peek().is(Sort.END)) {
      throw new ConditionException("the condition is empty", 0);
    }
    Expr root = or();
    if (!peek().is(Sort.END)) {
      String lower = peek().text().toLowerCase(Locale.ROOT);
      String hint = peek().is(Sort.NAME) && Lexer.isKeyword(lower) ? lowerCaseHint(lower) : "";
      throw new ConditionException(
          "unexpected " + peek().shown() + " here" + hint, peek().start());
    }
    return new Parsed(check.condition(root), List.copyOf(names));
  }

  private Expr or() throws ConditionException {
    return chain(Sort.OR);
  }

  private Expr chain(Sort op) throws ConditionException {
    Expr first = op == Sort.OR ? chain(Sort.AND) : not();
    if (!peek().is(op)) {
      return first;
    }
    List<Expr> operands = new ArrayList<>(List.of(first));
    while (accept(op)) {
      operands.add(op == Sort.OR ? chain(Sort.AND) : not());
    }
    return check.logic(op, operands);
  }

  private Expr not() throws ConditionException {
    if (!peek().is(Sort.NOT)) {
      return comparison();
    }
    Token not = enter();
    Expr operand = not();
    depth--;
    return check.not(not, operand);
  }

  private Expr comparison() throws ConditionException {
    Expr left = additive();
    if (!peek().isComparison()) {
      return left;
    }
    Token op = advance();
    Expr right = additive();
    if (peek().isComparison()) {
      throw new ConditionException(
          "comparisons cannot be chained; join them with 'and'", peek().start());
    }
    return check.comparison(op, left, right);
  }

  private Expr additive() throws ConditionException {
    Expr left = multiplicative();
    while (peek().is(Sort.PLUS) || peek().is(Sort.MINUS)) {
      Token op = advance();
      left = check.arithmetic(op, left, multiplicative());
    }
    return left;
  }

  private Expr multiplicative() throws ConditionException {
    Expr left = unary();
    while (peek().is(Sort.STAR) || peek().is(Sort.SLASH)) {
      Token op = advance();
      left = check.arithmetic(op, left, unary());
    }
    return left;
  }

  private Expr unary() throws ConditionException {
    if (!peek().is(Sort.MINUS)) {
      return primary();
    }
    Token minus = enter();
    Expr operand = unary();
    depth--;
    return check.negate(minus, operand);
  }

  private Expr primary() throws ConditionException {
    Token token = peek();
    return switch (token.sort()) {
      case NUMBER -> literal(token.value(), Kind.NUMBER);
      case STRING -> literal(token.value(), Kind.TEXT);
      case TRUE -> literal(Boolean.TRUE, Kind.BOOLEAN);
      case FALSE -> literal(Boolean.FALSE, Kind.BOOLEAN);
      case NULL -> literal(null, Kind.NULL);
      case NAME -> fact();
      case LPAREN -> group();
      case LBRACKET -> list();
      case END -> throw new ConditionException(
          "the condition ends too early; expected a value", token.start());
      default -> throw new ConditionException(
          "expected a value here, found " + token.shown(), token.start());
    };
  }

  private Expr literal(Object value, Kind kind) {
    Token token = advance();
    return new Expr.Literal(value, kind, token.start(), token.end());
  }

  private Expr fact() throws ConditionException {
    Token token = advance();
    String name = token.text();
    Type type = types.typeOf(name).orElseThrow(() -> unknown(token));
    names.add(name);
    return new Expr.Fact(name, Kind.of(type), token.start(), token.end());
  }

  private ConditionException unknown(Token token) {
    String name = token.text();
    String lower = name.toLowerCase(Locale.ROOT);
    String hint = Lexer.isKeyword(lower)
        ? lowerCaseHint(lower)
        : DidYouMean.closest(name, types.names()).map(k -> " — did you mean '" + k + "'?")
            .orElse("");
    return new ConditionException("unknown fact '" + name + "'" + hint, token.start());
  }

  private static String lowerCaseHint(String keyword) {
    return " — keywords are written in lower case: '" + keyword + "'";
  }

  private Expr group() throws ConditionException {
    Token open = enter();
    Expr inner = or();
    Token close = expect(Sort.RPAREN, "expected ')' here");
    depth--;
    return new Expr.Group(inner, open.start(), close.end());
  }

  /** A list written out: only text, or only numbers (a number may have a leading '-'). */
  private Expr list() throws ConditionException {
    Token open = advance();
    List<Object> items = new ArrayList<>();
    Kind itemKind = null;
    if (!peek().is(Sort.RBRACKET)) {
      do {
        Token at = peek();
        Kind kind = at.is(Sort.STRING) ? Kind.TEXT : Kind.NUMBER;
        Object item = listItem();
        if (itemKind != null && kind != itemKind) {
          throw new ConditionException("a list must hold only text or only numbers", at.start());
        }
        if (items.size() == MAX_LIST_ITEMS) {
          throw new ConditionException(
              "a list can hold at most " + MAX_LIST_ITEMS + " items", at.start());
        }
        itemKind = kind;
        items.add(item);
      } while (accept(Sort.COMMA));
    }
    Token close = expect(Sort.RBRACKET, "expected ',' or ']' here");
    Kind kind = itemKind == Kind.NUMBER ? Kind.NUMBER_LIST : Kind.TEXT_LIST;
    return new Expr.Literal(List.copyOf(items), kind, open.start(), close.end());
  }

  private Object listItem() throws ConditionException {
    Token token = advance();
    if (token.is(Sort.STRING) || token.is(Sort.NUMBER)) {
      return token.value();
    }
    if (token.is(Sort.MINUS) && peek().is(Sort.NUMBER)) {
      return -(Double) advance().value();
    }
    throw new ConditionException(
        "a list can hold only text or numbers written out, found " + token.shown(), token.start());
  }

  /** Takes an opening token one level deeper, refusing to go past the depth limit. */
  private Token enter() throws ConditionException {
    Token token = advance();
    if (++depth > MAX_DEPTH) {
      throw new ConditionException(
          "the condition is nested too deeply (at most " + MAX_DEPTH + " levels)", token.start());
    }
    return token;
  }

  private Token expect(Sort sort, String message) throws ConditionException {
    if (!peek().is(sort)) {
      throw new ConditionException(message, peek().start());
    }
    return advance();
  }

  private boolean accept(Sort sort) {
    if (peek().is(sort)) {
      advance();
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token advance() {
    Token token = tokens.get(index);
    if (!token.is(Sort.END)) {
      index++;
    }
    return token;
  }
}
