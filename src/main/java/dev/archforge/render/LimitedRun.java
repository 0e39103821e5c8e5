package dev.archforge.render;

import freemarker.core._CoreAPI;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one template under limits: a time budget (the template checks for interruption as it runs
 * and its output stops at the deadline), an output size cap and a stack of bounded depth, on a
 * thread of its own. Each refusal is a {@link RenderException} naming the template and, where
 * FreeMarker knows it, the line.
 */
final class LimitedRun {
  static final LimitedRun DEFAULT = new LimitedRun(TimeUnit.SECONDS.toNanos(10), 64 * 1024 * 1024, 16L << 20);

  private final long budgetNanos;
  private final int maxChars;
  private final long stackBytes;
  private final Set<Template> checked = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  LimitedRun(long budgetNanos, int maxChars, long stackBytes) {
    this.budgetNanos = budgetNanos;
    this.maxChars = maxChars;
    this.stackBytes = stackBytes;
  }

  String render(Template template, Map<String, Object> model) {
    if (checked.add(template)) {
      _CoreAPI.addThreadInterruptedChecks(template);
    }
    LimitedWriter out = new LimitedWriter(maxChars, System.nanoTime() + budgetNanos);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread worker = new Thread(null, () -> {
      try {
        template.process(model, out);
      } catch (TemplateException | IOException | RuntimeException | StackOverflowError e) {
        failure.set(e);
      }
    }, "archforge-template", stackBytes);
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(TimeUnit.NANOSECONDS.toMillis(budgetNanos) + 1);
      if (worker.isAlive()) {
        worker.interrupt();
        worker.join(1000);
        throw stopped(template, "it ran longer than " + seconds() + " s", -1);
      }
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw stopped(template, "the run was interrupted", -1);
    }
    Throwable e = failure.get();
    if (e == null) {
      return out.toString();
    }
    if (e instanceof StackOverflowError) {
      throw stopped(template, "its recursion went deeper than the stack allows", -1);
    }
    if (e instanceof TemplateException te) {
      Throwable cause = te.getCause();
      String why = cause instanceof LimitedWriter.LimitException ? cause.getMessage() : te.getMessageWithoutStackTop();
      throw stopped(template, why, te.getLineNumber() == null ? -1 : te.getLineNumber());
    }
    if (e instanceof LimitedWriter.LimitException) {
      throw stopped(template, e.getMessage(), -1);
    }
    if (e.getClass().getName().contains("ThreadInterrupted")) {
      throw stopped(template, "it ran longer than " + seconds() + " s", -1);
    }
    if (e instanceof IOException io) {
      throw new RenderException("template " + template.getName() + ": " + io.getMessage(), io);
    }
    throw (RuntimeException) e;
  }

  private String seconds() {
    return String.format(java.util.Locale.ROOT, "%.1f", budgetNanos / 1e9);
  }

  private static RenderException stopped(Template template, String why, int line) {
    return new RenderException("template " + template.getSourceName() + (line > 0 ? ":" + line : "")
        + " was stopped: " + why);
  }
}
