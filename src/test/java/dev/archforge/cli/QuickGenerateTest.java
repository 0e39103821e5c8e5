package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import picocli.CommandLine;

/**
 * {@link QuickGenerate} reads an invocation only when picocli reads it the same way: for random
 * command lines over the tokens that matter (options, their look-alikes, argument files, the end
 * of options, empty and spaced values), whatever the quick reader accepts, picocli parses into the
 * same {@link GenerateCommand} fields.
 */
class QuickGenerateTest {
  private static final List<String> TOKENS = List.of("generate", "in.yaml", "other.yaml", "a b.yaml", "out", "std",
      "tpl", "-o", "--out", "--json", "--dry-run", "--no-cache", "--blueprint", "--templates", "-h", "--help", "-V",
      "--version", "--", "-", "", "@args", "-oout", "-o=out", "--out=out", "--json=true", "--jsonx", "help", "-x");

  @Provide
  Arbitrary<List<String>> commandLines() {
    // Plain shapes often (so many lines are read), every other token sometimes.
    Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("in.yaml", "out", "tpl", "std")),
        Tuple.of(6, Arbitraries.of("-o", "--out", "--json", "--dry-run", "--no-cache", "--blueprint", "--templates")),
        Tuple.of(2, Arbitraries.of(TOKENS)));
    Arbitrary<List<String>> tail = token.list().ofMaxSize(8);
    Arbitrary<List<String>> generate = tail.map(t -> prepend("generate", t));
    return Arbitraries.oneOf(generate, generate, tail);
  }

  @Property(tries = 3000)
  void whatItReadsPicocliReadsTheSame(@ForAll("commandLines") List<String> args) {
    Optional<QuickGenerate.Args> quick = QuickGenerate.parse(args.toArray(String[]::new));
    quick.ifPresent(read -> assertThat(read).as(args.toString()).isEqualTo(picocli(args)));
    Statistics.label("read").collect(quick.isPresent());
    Statistics.label("read").coverage(c -> c.check(true).percentage(p -> p > 5));
  }

  @Example
  void theUsualShapesAreRead() {
    assertThat(QuickGenerate.parse(new String[] {"generate", "in.yaml"}))
        .contains(new QuickGenerate.Args(Path.of("in.yaml"), Path.of("workspaces"), Optional.empty(), List.of(), false,
            false, false));
    assertThat(QuickGenerate.parse(new String[] {"generate", "-o", "out", "in.yaml", "--json", "--dry-run",
        "--blueprint", "std", "--templates", "a", "--templates", "b"}))
        .contains(new QuickGenerate.Args(Path.of("in.yaml"), Path.of("out"), Optional.of("std"),
            List.of(Path.of("a"), Path.of("b")), true, true, false));
  }

  @Example
  void anythingElseGoesToPicocli() {
    for (List<String> args : List.of(List.of("generate"), List.of("decide", "in.yaml"),
        List.of("generate", "in.yaml", "--no-cache", "--no-cache"), List.of("generate", "in.yaml", "-o", "a", "-o", "b"),
        List.of("generate", "@args"), List.of("generate", "in.yaml", "--help"), List.of("generate", "a", "b"))) {
      assertThat(QuickGenerate.parse(args.toArray(String[]::new))).as(args.toString()).isEmpty();
    }
  }

  private static QuickGenerate.Args picocli(List<String> args) {
    CommandLine.ParseResult parsed = Main.commandLine(Map.of()).parseArgs(args.toArray(String[]::new));
    GenerateCommand g = (GenerateCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(g.inputs).hasSize(1);
    return new QuickGenerate.Args(g.inputs.get(0), g.out == null ? GenerateCommand.DEFAULT_OUT : g.out,
        Optional.ofNullable(g.blueprint), List.copyOf(g.templates), g.dryRun,
        g.json, g.noCache);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
