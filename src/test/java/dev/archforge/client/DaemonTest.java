package dev.archforge.client;

import dev.archforge.testing.FileTree;
import dev.archforge.testing.NamedPipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.cli.EntryPoint;
import dev.archforge.daemon.Daemon;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command line answered by the daemon prints, exits and writes exactly what the same command
 * line does in the process itself; the daemon serves only its own folder, and goes away when idle.
 */
class DaemonTest {
  private static final String EPOCH = "1767225600";

  @TempDir
  Path tmp;

  private Path socket;
  private Thread serving;

  @BeforeEach
  void startDaemon() throws Exception {
    socket = tmp.resolve("d.sock");
    Daemon daemon = new Daemon(socket, Duration.ofMinutes(5));
    serving = new Thread(() -> {
      try {
        daemon.serve();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    serving.setDaemon(true);
    serving.start();
    for (int i = 0; i < 500 && !answers(socket); i++) {
      Thread.sleep(10);
    }
  }

  @AfterEach
  void stopDaemon() throws Exception {
    Files.deleteIfExists(socket); // the daemon notices within a second and stops
    serving.join(5000);
  }

  record Run(int code, String out, String err) {}

  private static boolean answers(Path socket) throws IOException {
    SocketChannel probe = Client.connect(socket);
    if (probe == null) {
      return false;
    }
    probe.close();
    return true;
  }

  @Test
  void generateDecideAndBadInputAreAnsweredAsInProcess() throws IOException {
    for (List<String> args : List.of(List.of("generate", "samples/minimal.yaml", "-o", "OUT"),
        List.of("generate", "samples/minimal.yaml", "-o", "OUT", "--json"),
        List.of("decide", "samples/minimal.yaml", "--json"), List.of("explain", "samples/minimal.yaml", "caching"),
        List.of("generate", "samples/no-such-file.yaml", "-o", "OUT"), List.of("generate", "--frobnicate"))) {
      Run viaDaemon = viaDaemon(args, tmp.resolve("daemon"));
      Run inProcess = inProcess(args, tmp.resolve("process"));
      assertThat(viaDaemon.code()).as(args.toString()).isEqualTo(inProcess.code());
      assertThat(viaDaemon.out().replace(tmp.resolve("daemon").toString(), "OUT"))
          .as(args.toString()).isEqualTo(inProcess.out().replace(tmp.resolve("process").toString(), "OUT"));
      assertThat(viaDaemon.err()).as(args.toString()).isEqualTo(inProcess.err());
    }
    assertThat(FileTree.texts(tmp.resolve("daemon"))).isNotEmpty().isEqualTo(FileTree.texts(tmp.resolve("process")));
  }

  /**
   * The input is a named pipe: the test opens it once the daemon reads it (the run has begun),
   * closes its side of the connection as the clients do on Ctrl-C, and only then lets the run go on.
   */
  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a pipe nobody opens blocks
  void aClientThatClosesItsSideStopsTheRunBeforeAnythingIsWritten() throws Exception {
    Path input = NamedPipe.make(tmp.resolve("in.yaml"));
    Path out = tmp.resolve("stopped");
    Request request = new Request(Path.of("").toAbsolutePath().toString(),
        withOut(List.of("generate", input.toString(), "-o", "OUT"), out),
        Map.of("SOURCE_DATE_EPOCH", EPOCH, "ARCHFORGE_CACHE_DIR", "off"), "UTF-8", "UTF-8");
    StringBuilder stdout = new StringBuilder();
    StringBuilder stderr = new StringBuilder();
    Frames.Frame last;
    try (SocketChannel channel = Client.connect(socket)) {
      request.writeTo(new DataOutputStream(Channels.newOutputStream(channel)));
      try (OutputStream feed = Files.newOutputStream(input)) { // opens once the daemon reads the input
        channel.shutdownOutput(); // what the clients do on Ctrl-C
        Thread.sleep(200); // the daemon notices at once; this is ample
        feed.write(Files.readAllBytes(Path.of("samples/minimal.yaml")));
      }
      DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
      for (last = Frames.read(in); last.type() != Frames.EXIT; last = Frames.read(in)) {
        (last.type() == Frames.ERR ? stderr : stdout).append(new String(last.bytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(last.code()).isEqualTo(130);
    assertThat(stdout).isEmpty();
    assertThat(stderr.toString()).isEqualTo("interrupted; nothing was written" + System.lineSeparator());
    assertThat(out).doesNotExist();
    assertThat(viaDaemon(List.of("generate", "samples/minimal.yaml", "-o", "OUT"), out).code())
        .as("the daemon serves the next client as before").isZero();
    assertThat(out.resolve("backend-architect")).isDirectory();
  }

  @Test
  void aClientInAnotherFolderIsTurnedAwayBeforeAnythingIsPrinted() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Request elsewhere = new Request("/", List.of("generate", "--version"), Map.of(), null, null);
    try (SocketChannel channel = Client.connect(socket)) {
      assertThat(Client.exchange(channel, elsewhere, new PrintStream(out), new PrintStream(out)))
          .isEqualTo(Client.RUN_IT_YOURSELF);
    }
    assertThat(out.size()).isZero();
  }

  @Test
  void theClientsOwnStreamsAreLeftToTheClient() throws IOException {
    String here = Path.of("").toAbsolutePath().toString();
    String upToRoot = "../".repeat(Path.of(here).getNameCount());
    for (List<String> args : List.of(List.of("generate", "/dev/stdin", "-o", "out"),
        List.of("generate", "/dev/fd/63", "-o", "out"), List.of("decide", upToRoot + "proc/self/fd/0"),
        List.of("generate", "samples/minimal.yaml", "--templates=/dev/fd/5", "-o", "out"))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (SocketChannel channel = Client.connect(socket)) {
        assertThat(Client.exchange(channel, new Request(here, args, Map.of(), null, null), new PrintStream(out),
            new PrintStream(out))).as(args.toString()).isEqualTo(Client.RUN_IT_YOURSELF);
      }
      assertThat(out.size()).isZero();
    }
    assertThat(viaDaemon(List.of("decide", "samples/minimal.yaml"), tmp).code()).as("a file of the folder").isZero();
  }

  @Test
  void aClientThatSaysNothingDoesNotHoldTheDaemon() throws IOException {
    try (SocketChannel silent = Client.connect(socket)) {
      assertThat(silent).isNotNull();
      assertThat(viaDaemon(List.of("generate", "--version"), tmp).code()).isZero();
    }
  }

  @Test
  void anIdleDaemonStopsAndRemovesItsSocket() throws Exception {
    Path idleSocket = tmp.resolve("idle.sock");
    Thread idle = new Thread(() -> {
      try {
        new Daemon(idleSocket, Duration.ZERO).serve();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    idle.start();
    idle.join(10_000);
    assertThat(idle.isAlive()).isFalse();
    assertThat(idleSocket).doesNotExist();
  }

  @Test
  void aSecondDaemonLeavesTheLiveOneAlone() throws IOException {
    new Daemon(socket, Duration.ofMinutes(5)).serve(); // returns at once: the first one answers
    assertThat(answers(socket)).isTrue();
  }

  @Test
  void socketsThatNoLongerAnswerAreNotCountedAndAreRemoved() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("sockets"));
    Path stale = folder.resolve("stale.sock");
    try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      gone.bind(UnixDomainSocketAddress.of(stale));
    }
    Files.createLink(folder.resolve("live.sock"), socket);
    assertThat(Client.live(folder)).isEqualTo(1);
    assertThat(stale).doesNotExist();
  }

  private Run viaDaemon(List<String> args, Path out) throws IOException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Request request = new Request(Path.of("").toAbsolutePath().toString(), withOut(args, out),
        Map.of("SOURCE_DATE_EPOCH", EPOCH, "ARCHFORGE_CACHE_DIR", "off"), "UTF-8", "UTF-8");
    int code;
    try (SocketChannel channel = Client.connect(socket)) {
      code = Client.exchange(channel, request, new PrintStream(stdout, true, StandardCharsets.UTF_8),
          new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }
    return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }

  private static Run inProcess(List<String> args, Path out) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = EntryPoint.run(withOut(args, out).toArray(String[]::new),
        Map.of("SOURCE_DATE_EPOCH", EPOCH, "ARCHFORGE_CACHE_DIR", "off"), new PrintWriter(stdout, true),
        new PrintWriter(stderr, true));
    return new Run(code, stdout.toString(), stderr.toString());
  }

  static List<String> withOut(List<String> args, Path out) {
    List<String> replaced = new ArrayList<>();
    args.forEach(a -> replaced.add(a.equals("OUT") ? out.toString() : a));
    return replaced;
  }
}
