package dev.archforge.render;

import freemarker.core.Environment;
import freemarker.core.TemplateFormatUtil;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.core.UnformattableValueException;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Numbers in computer form ({@code 1234.5}, never {@code 1,234.5}), printed as markup so that the
 * YAML output format leaves them bare instead of quoting them as strings.
 */
final class YamlNumberFormatFactory extends TemplateNumberFormatFactory {
  static final String NAME = "bare";

  @Override
  public TemplateNumberFormat get(String params, Locale locale, Environment env) {
    return Format.INSTANCE;
  }

  private static final class Format extends TemplateNumberFormat {
    static final Format INSTANCE = new Format();

    @Override
    public Object format(TemplateNumberModel number) throws TemplateModelException, UnformattableValueException {
      String text = formatToPlainText(number);
      var outputFormat = Environment.getCurrentEnvironment().getCurrentTemplate().getOutputFormat();
      if (outputFormat instanceof YamlOutputFormat yaml) {
        return yaml.fromMarkup(text);
      }
      return text;
    }

    @Override
    public String formatToPlainText(TemplateNumberModel number)
        throws TemplateModelException, UnformattableValueException {
      Number n = TemplateFormatUtil.getNonNullNumber(number);
      if (n instanceof BigDecimal bd) {
        return bd.stripTrailingZeros().toPlainString();
      }
      if (n instanceof Double || n instanceof Float) {
        double d = n.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
      }
      return n.toString();
    }

    @Override
    public boolean isLocaleBound() {
      return false;
    }

    @Override
    public String getDescription() {
      return "bare computer number";
    }
  }
}
