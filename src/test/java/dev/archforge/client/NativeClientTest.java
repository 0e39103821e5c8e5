package dev.archforge.client;

import dev.archforge.testing.FileTree;
import dev.archforge.testing.NamedPipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.cli.EntryPoint;
import dev.archforge.daemon.Daemon;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's native client (src/main/c/archforge-client.c), built with the machine's C compiler
 * and run as the launcher runs it: it starts a real daemon process, and what it prints, exits with
 * and writes is what the same command line gives in the process itself. Where it cannot use a
 * daemon it prints nothing and exits 125, so that the launcher runs archforge itself.
 */
class NativeClientTest {
  @TempDir
  static Path tmp;

  private static Path client;
  private static Path runtime;
  private static List<String> daemon;

  record Run(int code, byte[] out, byte[] err) {}

  @BeforeAll
  static void buildTheClient() throws Exception {
    client = tmp.resolve("archforge-client");
    Process cc = new ProcessBuilder("cc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", client.toString(),
        "src/main/c/archforge-client.c").redirectErrorStream(true).start();
    String diagnostics = new String(cc.getInputStream().readAllBytes());
    assertThat(cc.waitFor()).as("cc (the launcher needs a C compiler for its native client): %s", diagnostics).isZero();
    runtime = Files.createDirectory(tmp.resolve("run"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    daemon = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), Daemon.class.getName());
  }

  @AfterAll
  static void stopTheDaemons() throws IOException {
    Path sockets = runtime.resolve("archforge");
    if (Files.isDirectory(sockets)) {
      try (DirectoryStream<Path> all = Files.newDirectoryStream(sockets, "*.sock")) {
        for (Path socket : all) {
          Files.delete(socket); // its daemon notices within a second and exits
        }
      }
    }
  }

  @Test
  void answersAsTheProcessItselfWould() throws Exception {
    Path viaClient = tmp.resolve("client");
    Path inProcess = tmp.resolve("process");
    for (List<String> args : List.of(List.of("generate", "samples/minimal.yaml", "-o", "OUT"),
        List.of("generate", "samples/minimal.yaml", "-o", "OUT", "--json"),
        List.of("decide", "samples/minimal.yaml"), List.of("explain", "samples/minimal.yaml", "caching"),
        List.of("explain", "samples/minimal.yaml", "café-à-la-carte"),
        List.of("generate", "samples/no-such-file.yaml", "-o", "OUT"), List.of("generate", "--frobnicate"))) {
      Run client = viaClient(DaemonTest.withOut(args, viaClient), env(runtime), daemon);
      Run process = inProcess(DaemonTest.withOut(args, inProcess), env(runtime));
      assertThat(client.code()).as(args.toString()).isEqualTo(process.code()).isNotEqualTo(Client.RUN_IT_YOURSELF);
      assertThat(text(client.out(), viaClient)).as(args.toString()).isEqualTo(text(process.out(), inProcess));
      assertThat(text(client.err(), viaClient)).as(args.toString()).isEqualTo(text(process.err(), inProcess));
    }
    assertThat(FileTree.texts(viaClient)).isNotEmpty().isEqualTo(FileTree.texts(inProcess));
    try (Stream<Path> sockets = Files.list(runtime.resolve("archforge"))) {
      assertThat(sockets.filter(p -> p.toString().endsWith(".sock"))).as("one daemon served them all").hasSize(1);
    }
  }

  /**
   * Ctrl-C (SIGINT) or SIGTERM to either client while the daemon runs: the daemon stops before it
   * writes, the client prints why and ends by that signal (so a shell script stops too, and the
   * launcher does not run archforge itself), and the daemon serves the next run. The input is a
   * named pipe, so the signal comes while the run waits for it: the test opens the pipe once the
   * daemon reads it, signals the client, and only then lets the run go on.
   */
  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a pipe nobody opens blocks
  void aSignalStopsTheRunWritesNothingAndEndsTheClientByIt() throws Exception {
    byte[] minimal = Files.readAllBytes(Path.of("samples/minimal.yaml"));
    List<String> javaClient = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Client.class.getName(), "0022", client.toString());
    for (List<String> which : List.of(List.of(client.toString(), client.toString()), javaClient)) {
      for (String signal : List.of("INT", "TERM")) {
        Path input = NamedPipe.make(tmp.resolve("in-" + signal + ".yaml"));
        Path out = tmp.resolve("stopped");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process run = run(which, List.of("generate", input.toString(), "-o", out.toString()), err);
        try (OutputStream feed = Files.newOutputStream(input)) { // opens once the daemon reads the input
          assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start().waitFor()).isZero();
          Thread.sleep(200); // the client tells the daemon at once; this is ample
          feed.write(minimal);
        }
        Files.delete(input);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String what = which.get(0) + " SIG" + signal;
        assertThat(run.exitValue()).as(what).isEqualTo(128 + (signal.equals("INT") ? 2 : 15));
        assertThat(Files.readString(err)).as(what).isEqualTo("interrupted; nothing was written\n");
        assertThat(run(which, List.of("generate", "samples/minimal.yaml", "-o", tmp.resolve("after").toString()))
            .waitFor()).as("the same daemon, one request at a time, serves the next run").isZero();
        assertThat(out).as(what).doesNotExist();
      }
    }
  }

  private static Process run(List<String> clientCommand, List<String> args) throws IOException {
    return run(clientCommand, args, Files.createTempFile(tmp, "err", ".txt"));
  }

  private static Process run(List<String> clientCommand, List<String> args, Path err) throws IOException {
    List<String> command = new ArrayList<>(clientCommand);
    command.add(Integer.toString(daemon.size()));
    command.addAll(daemon);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(env(runtime));
    return builder.start();
  }

  @Test
  void aSocketFolderOthersCanEnterIsNotUsed() throws Exception {
    Path open = Files.createDirectories(tmp.resolve("open/archforge"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    Run run = viaClient(List.of("generate", "--version"), env(open.getParent()), daemon);
    assertThat(run.code()).isEqualTo(Client.RUN_IT_YOURSELF);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    try (Stream<Path> nothing = Files.list(open)) {
      assertThat(nothing).as("no daemon was started").isEmpty();
    }
  }

  @Test
  void noFifthDaemonIsStarted() throws Exception {
    Path full = Files.createDirectories(tmp.resolve("full/archforge"));
    Files.setPosixFilePermissions(full, PosixFilePermissions.fromString("rwx------"));
    List<ServerSocketChannel> four = new ArrayList<>();
    try {
      for (String name : List.of("a", "b", "c", "d")) {
        ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        live.bind(UnixDomainSocketAddress.of(full.resolve(name + ".sock")));
        four.add(live);
      }
      Run run = viaClient(List.of("generate", "--version"), env(full.getParent()), daemon);
      assertThat(run.code()).isEqualTo(Client.RUN_IT_YOURSELF);
      assertThat(run.out()).isEmpty();
      try (Stream<Path> files = Files.list(full)) {
        assertThat(files.filter(p -> !p.toString().endsWith(".sock"))).as("no daemon log: none started").isEmpty();
      }
    } finally {
      for (ServerSocketChannel live : four) {
        live.close();
      }
    }
  }

  @Test
  void aDaemonThatDoesNotStartLeavesTheRunToTheLauncher() throws Exception {
    Path elsewhere = Files.createDirectory(tmp.resolve("failing"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Run run = viaClient(List.of("generate", "--version"), env(elsewhere), List.of("/bin/false"));
    assertThat(run.code()).isEqualTo(Client.RUN_IT_YOURSELF);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }

  private static Map<String, String> env(Path runtimeFolder) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("XDG_RUNTIME_DIR", runtimeFolder.toString());
    env.put("SOURCE_DATE_EPOCH", "1767225600");
    env.put("ARCHFORGE_CACHE_DIR", "off");
    env.put("ARCHFORGE_DAEMON_IDLE_MINUTES", "2");
    return env;
  }

  /** The client as the launcher runs it (the client itself stands in for the jar that names the build), its output in files. */
  private static Run viaClient(List<String> args, Map<String, String> env, List<String> daemonCommand)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(client.toString(), client.toString()));
    command.add(Integer.toString(daemonCommand.size()));
    command.addAll(daemonCommand);
    command.addAll(args);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    int code = builder.start().waitFor();
    return new Run(code, Files.readAllBytes(out), Files.readAllBytes(err));
  }

  /** The same command line in this process, printed as a new process would print into a file. */
  private static Run inProcess(List<String> args, Map<String, String> env) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintWriter stdout = EntryPoint.writer(out, null);
    PrintWriter stderr = EntryPoint.writer(err, null);
    int code = EntryPoint.run(args.toArray(String[]::new), env, stdout, stderr);
    stdout.flush();
    stderr.flush();
    return new Run(code, out.toByteArray(), err.toByteArray());
  }

  private static String text(byte[] bytes, Path out) {
    return new String(bytes, java.nio.charset.Charset.defaultCharset()).replace(out.toString(), "OUT");
  }
}
