package dev.archforge.pipeline;

import dev.archforge.model.Artifact;
import dev.archforge.validate.CrossValidator;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One run's validation, on the spare cores while the main thread renders: each artifact is checked
 * as soon as its deliverable is rendered, and each validator loads what it needs (parsers, schemas)
 * on its first artifact, so a run pays only for the kinds it produces. {@link #findings} waits for
 * every check and gives the findings in the order of a sequential run (artifact by artifact,
 * validator by validator), then those of the checks across artifacts, which run on the same
 * workers once every artifact is rendered.
 */
final class Validation implements AutoCloseable {
  private final List<Validator> validators;
  private final List<CrossValidator> crossValidators;
  private final ExecutorService workers;
  private final List<Future<List<Finding>>> checks = new ArrayList<>();

  Validation(List<Validator> validators, List<CrossValidator> crossValidators) {
    this.validators = validators;
    this.crossValidators = crossValidators;
    this.workers = validators.isEmpty() ? null : Executors.newFixedThreadPool(
        Math.max(1, Runtime.getRuntime().availableProcessors()), new Daemons("archforge-validate"));
  }

  /** Starts checking these artifacts with every validator that accepts them. */
  void submit(List<Artifact> artifacts) {
    for (Artifact artifact : artifacts) {
      for (Validator validator : validators) {
        if (validator.accepts(artifact)) {
          checks.add(workers.submit(() -> validator.validate(artifact)));
        }
      }
    }
  }

  /** Every finding of the submitted checks, then those of the checks across {@code all}. */
  List<Finding> findings(List<Artifact> all) {
    List<Future<List<Finding>>> across = new ArrayList<>();
    if (workers != null) {
      crossValidators.forEach(c -> across.add(workers.submit(() -> c.validate(all))));
    }
    List<Finding> findings = new ArrayList<>();
    for (Future<List<Finding>> check : checks) {
      findings.addAll(await(check));
    }
    if (workers == null) {
      crossValidators.forEach(c -> findings.addAll(c.validate(all)));
    }
    for (Future<List<Finding>> check : across) {
      findings.addAll(await(check));
    }
    return findings;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while validating", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }
}
