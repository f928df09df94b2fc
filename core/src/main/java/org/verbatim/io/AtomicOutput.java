package org.verbatim.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file that appears complete or not at all: data goes to a hidden temporary file in the target's
 * directory, which {@link #commit()} renames over the target (an atomic move where the file system allows it,
 * otherwise a replacing move). Closing without committing deletes the temporary file and leaves any existing
 * target untouched.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.create(Path.of("result.csv"))) {
 *   Writer w = out.writer();
 *   w.write("id,themes\n");
 *   out.commit();          // result.csv now has the new content
 * }                        // without commit: result.csv is as it was
 * }</pre>
 *
 * <p>Not thread-safe. Closing the stream or writer it hands out only flushes; {@link #commit()} and
 * {@link #close()} release the file.
 */
public final class AtomicOutput implements Closeable {

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  /** Held while a resumable output is written, so two runs never write one partial file; or null. */
  private java.nio.channels.FileLock lock;
  private final OutputStream stream;
  private Writer writer;
  private boolean committed;
  private boolean closed;

  private AtomicOutput(Path target, Path temp, FileChannel channel) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.stream =
        new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024) {
          @Override
          public void close() throws IOException {
            flush();
          }
        };
  }

  /**
   * Starts writing a new version of {@code target}.
   *
   * @throws NullPointerException if {@code target} is null
   * @throws IOException if the target is a directory, its directory does not exist, or the temporary file
   *     cannot be created
   */
  public static AtomicOutput create(Path target) throws IOException {
    return create(target, Access.DEFAULT);
  }

  /** Who may read the file written. */
  public enum Access {
    /** As any new file: the process's umask decides. */
    DEFAULT,
    /** The owner only ({@code rw-------}) where the file system has POSIX permissions: for files of comment text. */
    OWNER_ONLY
  }

  /**
   * Starts writing a new version of {@code target} that gets the given access.
   *
   * @throws NullPointerException if an argument is null
   * @throws IOException if the target is a directory, its directory does not exist, or the temporary file
   *     cannot be created
   */
  public static AtomicOutput create(Path target, Access access) throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(access, "access");
    Path absolute = target.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new IOException(target + ": is a directory; expected a file name");
    }
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new NoSuchFileException(String.valueOf(dir), null, "the output directory does not exist");
    }
    String name = absolute.getFileName().toString();
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        FileChannel channel =
            access == Access.OWNER_ONLY && Files.getFileStore(dir).supportsFileAttributeView("posix")
                ? FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new AtomicOutput(absolute, temp, channel);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 10) {
          throw e;
        }
      }
    }
  }

  /**
   * Starts or continues writing {@code target} through a temporary file of a name the caller chooses (in the
   * target's directory), so that an interrupted run can be continued: with {@code keep < 0} the file is created
   * (it must not exist); otherwise the existing file is cut to its first {@code keep} bytes and writing continues
   * after them. The file is locked while this output is open.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code temp} is not in the target's directory
   * @throws IOException if the file cannot be created or opened, is shorter than {@code keep}, or another process
   *     holds it
   */
  public static AtomicOutput resumable(Path target, Path temp, long keep, Access access) throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(temp, "temp");
    Objects.requireNonNull(access, "access");
    Path absolute = target.toAbsolutePath();
    Path tmp = temp.toAbsolutePath();
    if (!Objects.equals(tmp.getParent(), absolute.getParent())) {
      throw new IllegalArgumentException("temp must be in the directory of " + target + ": " + temp);
    }
    if (Files.isDirectory(absolute)) {
      throw new IOException(target + ": is a directory; expected a file name");
    }
    if (absolute.getParent() == null || !Files.isDirectory(absolute.getParent())) {
      throw new NoSuchFileException(String.valueOf(absolute.getParent()), null, "the output directory does not exist");
    }
    boolean posix = access == Access.OWNER_ONLY && Files.getFileStore(absolute.getParent()).supportsFileAttributeView("posix");
    FileChannel channel;
    if (keep < 0) {
      channel = posix
          ? FileChannel.open(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
          : FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } else {
      channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
      if (posix) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
    }
    try {
      java.nio.channels.FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
        lock = null; // this JVM writes it already
      }
      if (lock == null) {
        throw new IOException(temp + ": another run is writing this output now");
      }
      if (keep >= 0) {
        if (channel.size() < keep) {
          throw new IOException(temp + ": has " + channel.size() + " bytes, fewer than the " + keep + " to keep");
        }
        channel.truncate(keep);
        channel.position(keep);
      }
      AtomicOutput out = new AtomicOutput(absolute, tmp, channel);
      out.lock = lock;
      return out;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Flushes what was written to the file (not to the disk: the bytes survive the process, not a power cut) and
   * returns the file's length.
   *
   * @throws IOException if flushing fails
   */
  public long flushedLength() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    stream.flush();
    return channel.position();
  }

  /**
   * Closes the file without deleting it, for a resumable output whose run was interrupted: it can be continued
   * with {@link #resumable} later. Idempotent with {@link #close()}.
   *
   * @throws IOException if flushing or closing fails
   */
  public void abandon() throws IOException {
    if (closed || committed) {
      return;
    }
    closed = true;
    try {
      stream.flush();
    } finally {
      channel.close();
    }
  }

  /**
   * Writes {@code content} to {@code target} atomically.
   *
   * @throws IOException if writing or moving fails; the target is then unchanged
   */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, content, Access.DEFAULT);
  }

  /**
   * Writes {@code content} to {@code target} atomically, with the given access.
   *
   * @throws IOException if writing or moving fails; the target is then unchanged
   */
  public static void write(Path target, byte[] content, Access access) throws IOException {
    Objects.requireNonNull(content, "content");
    try (AtomicOutput out = create(target, access)) {
      out.stream().write(content);
      out.commit();
    }
  }

  /** The file that {@link #commit()} replaces (absolute). */
  public Path target() {
    return target;
  }

  /** The temporary file being written. */
  public Path tempFile() {
    return temp;
  }

  /** The byte stream into the temporary file; closing it only flushes. */
  public OutputStream stream() {
    return stream;
  }

  /** A UTF-8 writer into the temporary file (the same one on every call); closing it only flushes. */
  public Writer writer() {
    if (writer == null) {
      writer =
          new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024) {
            @Override
            public void close() throws IOException {
              flush();
            }
          };
    }
    return writer;
  }

  /**
   * Flushes, syncs and moves the temporary file over the target.
   *
   * @throws IllegalStateException if already committed or closed
   * @throws IOException if flushing or moving fails; the temporary file is then deleted by {@link #close()}
   */
  public void commit() throws IOException {
    if (committed || closed) {
      throw new IllegalStateException("output " + target + " already " + (committed ? "committed" : "closed"));
    }
    if (writer != null) {
      writer.flush();
    }
    stream.flush();
    channel.force(true);
    channel.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Releases the temporary file; without a successful {@link #commit()} it is deleted. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (!committed) {
      try {
        channel.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
