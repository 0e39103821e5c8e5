package dev.archforge.condition;

import dev.archforge.condition.Token.Sort;
import java.util.List;

/**
 * The static type rules: each method checks the kinds of the operands and builds the node, or
 * throws a {@link ConditionException} that names the offending part as the user wrote it.
 */
final class TypeCheck {
  private static final int MAX_SHOWN = 40;

  private final String text;

  TypeCheck(String text) {
    this.text = text;
  }

  Expr logic(Sort op, List<Expr> operands) throws ConditionException {
    String word = op == Sort.AND ? "and" : "or";
    for (Expr operand : operands) {
      require(operand, Kind.BOOLEAN, "'" + word + "' needs true/false on both sides");
    }
    return new Expr.Logic(op == Sort.AND, operands);
  }

  Expr not(Token not, Expr operand) throws ConditionException {
    require(operand, Kind.BOOLEAN, "'not' needs true/false after it");
    return new Expr.Not(operand, not.start());
  }

  Expr negate(Token minus, Expr operand) throws ConditionException {
    require(operand, Kind.NUMBER, "'-' needs a number after it");
    return new Expr.Negate(operand, minus.start());
  }

  Expr arithmetic(Token op, Expr left, Expr right) throws ConditionException {
    String need = "'" + op.text() + "' needs numbers on both sides";
    require(left, Kind.NUMBER, need);
    require(right, Kind.NUMBER, need);
    return new Expr.Arithmetic(op.sort(), left, right);
  }

  Expr comparison(Token op, Expr left, Expr right) throws ConditionException {
    switch (op.sort()) {
      case EQ, NE -> equality(op, left, right);
      case IN -> membership(op, right, left);
      case CONTAINS -> membership(op, left, right);
      default -> {
        String need = "'" + op.text() + "' needs numbers on both sides";
        require(left, Kind.NUMBER, need);
        require(right, Kind.NUMBER, need);
      }
    }
    return new Expr.Comparison(op.sort(), left, right);
  }

  Expr condition(Expr root) throws ConditionException {
    if (root.kind() != Kind.BOOLEAN) {
      throw new ConditionException(
          "a condition must be true or false, this is " + root.kind().phrase(), 0);
    }
    return root;
  }

  private void equality(Token op, Expr left, Expr right) throws ConditionException {
    if (left.kind() == Kind.NULL || right.kind() == Kind.NULL || left.kind() == right.kind()) {
      return;
    }
    throw new ConditionException("cannot compare " + left.kind().noun() + " " + shown(left)
        + " with " + right.kind().phrase(), op.start());
  }

  private void membership(Token op, Expr list, Expr item) throws ConditionException {
    String side = op.is(Sort.IN) ? "right" : "left";
    refuseNull(list);
    if (!list.kind().isList()) {
      throw new ConditionException("'" + op.text() + "' needs a list on its " + side + ", "
          + shown(list) + " is " + list.kind().phrase(), list.start());
    }
    Kind wanted = list.kind().item();
    require(item, wanted,
        "'" + op.text() + "' looks for " + wanted.phrase() + " in " + list.kind().phrase());
  }

  private void require(Expr operand, Kind wanted, String need) throws ConditionException {
    refuseNull(operand);
    if (operand.kind() != wanted) {
      throw new ConditionException(
          need + ", " + shown(operand) + " is " + operand.kind().phrase(), operand.start());
    }
  }

  private static void refuseNull(Expr operand) throws ConditionException {
    if (operand.kind() == Kind.NULL) {
      throw new ConditionException(
          "null can only be compared with '==' or '!='", operand.start());
    }
  }

  /** The operand as written, in quotes, shortened when long. */
  private String shown(Expr operand) {
    String written = text.substring(operand.start(), operand.end());
    if (written.length() > MAX_SHOWN) {
      written = written.substring(0, MAX_SHOWN - 1) + "…";
    }
    return "'" + written + "'";
  }
}
