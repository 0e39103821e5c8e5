package dev.archforge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.Daemons;
import dev.archforge.pipeline.ExitCode;
import dev.archforge.pipeline.GenerateRequest;
import dev.archforge.pipeline.GenerateResult;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.pipeline.WorkspaceClaims;
import dev.archforge.write.FileChange.Status;
import dev.archforge.write.RunCache;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several {@code generate} runs in one process through one pipeline (which reads the built-in
 * blueprints and templates once), a run per core at a time: one run's rendering fills the time
 * another waits for its validators. Each run is whole or nothing, as a single run is; a failed run
 * is reported and the others go on. Lines, claims on workspaces and the JSON array keep the order
 * of the inputs. The exit code is the most severe of the runs': {@link #SEVERITY}.
 */
final class Batch {
  /** Most severe first: a bug, then output that failed validation, then bad input, then edits to resolve. */
  static final List<ExitCode> SEVERITY = List.of(ExitCode.INTERNAL, ExitCode.INVALID_OUTPUT, ExitCode.BAD_INPUT,
      ExitCode.NEEDS_PERSON, ExitCode.OK);

  /** Runs at a time: one per core, at most four (each may hold a few hundred MiB). */
  private static final int LANES = Math.min(4, Runtime.getRuntime().availableProcessors());

  private final Pipeline pipeline;
  private final Optional<RunCache> cache;
  private final Map<String, String> env;
  private final WorkspaceClaims claims = new WorkspaceClaims();

  Batch(Pipeline pipeline, Optional<RunCache> cache, Map<String, String> env) {
    this.pipeline = pipeline;
    this.cache = cache;
    this.env = env;
  }

  /** One run's outcome: its result when it succeeded, else its exit code and messages. */
  private record Outcome(GenerateRequest request, GenerateResult result, ExitCode code, List<String> messages) {}

  /**
   * Runs every request, prints a line per input as soon as it and every input before it have ended,
   * and a summary; returns the most severe exit code.
   */
  ExitCode run(List<GenerateRequest> requests, boolean json, PrintWriter out, PrintWriter err) {
    List<Outcome> outcomes = new ArrayList<>();
    ExecutorService lanes = Executors.newFixedThreadPool(Math.min(LANES, Math.max(1, requests.size())), new Daemons("archforge-batch"));
    try {
      List<Future<Outcome>> runs = new ArrayList<>();
      for (int i = 0; i < requests.size(); i++) {
        GenerateRequest request = requests.get(i);
        WorkspaceClaims.Turn turn = claims.turn(i);
        runs.add(lanes.submit(() -> run(request, turn)));
      }
      for (Future<Outcome> run : runs) {
        Outcome outcome = await(run);
        outcomes.add(outcome);
        if (!json) {
          line(outcome, out, err);
          out.flush();
        }
      }
    } finally {
      lanes.shutdownNow();
    }
    ExitCode worst = SEVERITY.stream().filter(c -> outcomes.stream().anyMatch(o -> o.code() == c)).findFirst()
        .orElse(ExitCode.OK);
    if (json) {
      List<ObjectNode> objects = new ArrayList<>();
      for (Outcome o : outcomes) {
        ObjectNode object = Summary.object(o.result(), o.messages(), o.code().code());
        objects.add(object.put("input", o.request().input().toString()));
      }
      out.println(Summary.json(objects));
    } else {
      long failed = outcomes.stream().filter(o -> o.code() != ExitCode.OK).count();
      out.println(outcomes.size() + " inputs: " + (outcomes.size() - failed) + " ok, " + failed + " failed"
          + (failed > 0 ? "; exit code " + worst.code() : ""));
    }
    out.flush();
    err.flush();
    return worst;
  }

  private Outcome run(GenerateRequest request, WorkspaceClaims.Turn turn) {
    try {
      GenerateResult result = cache.flatMap(c -> unchanged(request, turn, c))
          .orElseGet(() -> pipeline.generate(request, cache, turn));
      // the summary needs each file's status, not its contents: a batch of many inputs keeps none of them
      return new Outcome(request, result.withoutContents(), ExitCode.OK, List.of());
    } catch (ArchforgeException e) {
      return new Outcome(request, null, e.exitCode(), e.messages());
    } catch (RuntimeException e) {
      return new Outcome(request, null, ExitCode.INTERNAL, Failures.messages(e, env));
    } finally {
      turn.end();
    }
  }

  /** The run cache's answer, once the workspace is claimed for this input (a per-project one is claimed once loaded). */
  private static Optional<GenerateResult> unchanged(GenerateRequest request, WorkspaceClaims.Turn turn,
      RunCache cache) {
    if (!request.perProject()) {
      turn.claim(request.out(), request.input());
    }
    return Pipeline.unchanged(request, cache);
  }

  private static Outcome await(Future<Outcome> run) {
    try {
      return run.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a run of the batch", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** {@code ok       INPUT: wrote WORKSPACE (2 written, 40 unchanged)}, or {@code failed 2 INPUT} and its messages. */
  private static void line(Outcome o, PrintWriter out, PrintWriter err) {
    String input = o.request().input().toString();
    if (o.result() == null) {
      out.println("failed " + o.code().code() + " " + input);
      o.messages().forEach(m -> err.println(input + ": " + m));
      return;
    }
    GenerateResult result = o.result();
    result.warnings().forEach(w -> err.println(input + ": warning: " + w));
    StringJoiner counts = new StringJoiner(", ", " (", ")").setEmptyValue("");
    for (Status status : Status.values()) {
      long n = result.changes().count(status);
      if (n > 0) {
        counts.add(n + " " + status.name().toLowerCase());
      }
    }
    out.println("ok       " + input + ": " + Summary.verb(result).toLowerCase() + " " + result.workspace() + counts);
  }
}
