package dev.archforge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code systemd-analyze verify} on a unit file, in a scratch root: the host's unit directory (for
 * the targets a unit names) and an executable stub at every absolute path the unit's
 * {@code Exec*=} lines start, so only the unit itself is judged. systemd reports what it ignores
 * (an unknown key, a value it cannot parse) on stderr and still exits 0, so any output is a finding.
 */
public final class SystemdAnalyze {
  private static final Path UNITS = Path.of("/usr/lib/systemd/system");
  private static final Pattern EXEC = Pattern.compile("(?m)^Exec[A-Za-z]*=[-@:+!]*(/\\S+)");

  private SystemdAnalyze() {}

  /** What systemd-analyze printed about the unit; empty when it found nothing. */
  public static String verify(String unitName, String unit) {
    if (!Tool.found("systemd-analyze") || !Files.isDirectory(UNITS)) {
      Tool.SYSTEMD_ANALYZE.missing("no systemd-analyze on the PATH or no " + UNITS);
    }
    Path root = null;
    try {
      root = Files.createTempDirectory("archforge-systemd-");
      Path system = Files.createDirectories(root.resolve("etc/systemd/system"));
      Path lib = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
      try (Stream<Path> files = Files.list(UNITS)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.copy(f, lib.resolve(f.getFileName()));
        }
      }
      Matcher m = EXEC.matcher(unit);
      while (m.find()) {
        Path stub = root.resolve(m.group(1).substring(1));
        Files.createDirectories(stub.getParent());
        Files.writeString(stub, "#!/bin/sh\n");
        stub.toFile().setExecutable(true);
      }
      Path file = system.resolve(unitName);
      Files.writeString(file, unit);
      List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no",
          "--root=" + root, file.toString()));
      ProcessRun run = ProcessRun.run(command, root, 120);
      return (run.out() + run.err()).strip() + (run.code() == 0 ? "" : "\nexit " + run.code());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(root);
    }
  }

  private static void delete(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
