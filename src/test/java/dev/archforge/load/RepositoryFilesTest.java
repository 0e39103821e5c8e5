package dev.archforge.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk of {@code archforge review}: what it reads, skips and cannot read. */
class RepositoryFilesTest {
  @TempDir
  Path repo;

  @Test
  void readsTextFilesInPathOrderAndSkipsToolingFolders() throws Exception {
    write("b/Dockerfile", "FROM x\n");
    write("a/openapi.yaml", "openapi: 3.0.3\n");
    write(".git/config", "[core]\n");
    write("node_modules/p/openapi.yaml", "openapi: 3.0.3\n");
    write("backend-architect/.archforge/manifest.json", "{}");
    write("my docs/notes.md", "# notes\n");
    RepositoryFiles.Listing listing = RepositoryFiles.read(repo);
    assertThat(listing.files()).extracting(RepositoryFiles.File::path)
        .containsExactly("a/openapi.yaml", "b/Dockerfile", "my docs/notes.md");
    assertThat(listing.unread()).isEmpty();
  }

  @Test
  void binaryAndNonUtf8FilesAreListedAsUnreadWithTheReason() throws Exception {
    Files.write(repo.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
    Files.write(repo.resolve("latin1.sql"), new byte[] {'-', '-', ' ', (byte) 0xE9, '\n'});
    RepositoryFiles.Listing listing = RepositoryFiles.read(repo);
    assertThat(listing.files()).isEmpty();
    assertThat(listing.unread()).containsExactly(new RepositoryFiles.Unread("latin1.sql", "not UTF-8 text"),
        new RepositoryFiles.Unread("logo.png", "not UTF-8 text"));
  }

  @Test
  void oneFileIsReadUnderItsName() throws Exception {
    write("deploy/Dockerfile", "FROM x\n");
    assertThat(RepositoryFiles.read(repo.resolve("deploy/Dockerfile")).files())
        .containsExactly(new RepositoryFiles.File("Dockerfile", "FROM x\n"));
  }

  private void write(String path, String text) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
