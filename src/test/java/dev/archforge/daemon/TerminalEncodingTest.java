package dev.archforge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.client.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native client says only "a terminal"; the daemon must then print in the encoding a JVM of its
 * own kind, started on a terminal with its locale, would print in. Checked against such a JVM, on a
 * terminal that script(1) gives it, in the C locale (where Java 17 differs from Java 19+).
 */
class TerminalEncodingTest {
  @TempDir
  Path tmp;

  @Test
  void aTerminalMeansWhatAJvmOnATerminalWouldUse() throws Exception {
    Path probe = tmp.resolve("Probe.java");
    Files.writeString(probe, "public class Probe { public static void main(String[] a) {"
        + " System.out.print(\"[\" + System.getProperty(\"sun.stdout.encoding\") + \"]\"); } }");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String locale : List.of("C", "C.UTF-8")) {
      Process onTerminal = new ProcessBuilder("script", "-qec",
          "env LC_ALL=" + locale + " " + java + " " + probe, "/dev/null").redirectErrorStream(true).start();
      String printed = new String(onTerminal.getInputStream().readAllBytes());
      assertThat(onTerminal.waitFor()).as(printed).isZero();
      ProcessBuilder daemonLike = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          TerminalEncodingTest.class.getName()).redirectErrorStream(true);
      daemonLike.environment().put("LC_ALL", locale);
      Process asked = daemonLike.start();
      String answered = new String(asked.getInputStream().readAllBytes());
      assertThat(asked.waitFor()).as(answered).isZero();
      assertThat(answered).as(locale).isEqualTo(printed.substring(printed.indexOf('['), printed.indexOf(']') + 1));
    }
  }

  /** What the daemon makes of "a terminal" in a JVM started with this test's locale (not on a terminal). */
  public static void main(String[] args) {
    System.out.print("[" + ClientOutput.encoding(Request.TERMINAL) + "]");
  }
}
