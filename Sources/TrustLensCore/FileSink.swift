#if canImport(Glibc)
  import Glibc
#endif

/// A buffered, append-only file writer (mode 0600) for streamed outputs.
///
/// Three kinds: a new file (``init(path:)``, for temporaries: refuses anything already at the
/// name), standard output, and a command's `--out FILE` (``replacing(_:)``: written to a
/// temporary and renamed over the file by ``close()``).
package final class FileSink {
  /// The file being written (the temporary one for ``replacing(_:)``).
  package let path: String
  private var file: UnsafeMutablePointer<FILE>?
  /// Where ``close()`` moves the file, for ``replacing(_:)``; `nil` otherwise.
  private let destination: String?
  private var committed = false

  /// Creates `path`, which must not exist: a file or symbolic link already there (a planted
  /// one) is an error, never opened (`O_CREAT | O_EXCL | O_NOFOLLOW`). Mode 0600 whatever
  /// the umask.
  package init(path: String) throws(AtomicFile.WriteError) {
    self.path = path
    destination = nil
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
    guard fchmod(fd, 0o600) == 0, let file = fdopen(fd, "w") else {
      let reason = String(cString: strerror(errno))
      Glibc.close(fd)
      unlink(path)
      throw AtomicFile.WriteError(path: path, reason: reason)
    }
    self.file = file
  }

  /// Standard output, for commands that print their results.
  package init(standardOutput: Void) {
    self.path = "-"
    destination = nil
    self.file = fdopen(1, "w")
  }

  private init(path: String, file: UnsafeMutablePointer<FILE>, destination: String?) {
    self.path = path
    self.file = file
    self.destination = destination
  }

  /// A sink for a command's `--out FILE`. A regular file (or none) at `path` is replaced
  /// atomically when ``close()`` succeeds: the output is written to a temporary beside it
  /// and renamed over it, mode 0600 (an existing file's mode is not kept); until then, and
  /// if the command fails, the old file stays as it was. A device, pipe or socket (`/dev/null`,
  /// `>(…)`) is written directly. `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` write to
  /// the descriptor the command was given, as a shell redirection would (whatever it is
  /// open on). A symbolic link to anything else is refused, never followed: a planted link
  /// cannot make the command overwrite its target.
  package static func replacing(_ path: String) throws(AtomicFile.WriteError) -> FileSink {
    if let inherited = inheritedDescriptor(path) { return try duplicate(inherited, path) }
    var status = stat()
    if lstat(path, &status) != 0 {
      guard errno == ENOENT else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
      return try atomic(path)
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return try atomic(path)
    case S_IFDIR: throw AtomicFile.WriteError(path: path, reason: "it is a folder")
    case S_IFLNK:
      var target = stat()
      guard stat(path, &target) == 0, FileSink.isStream(target.st_mode) else {
        throw AtomicFile.WriteError(path: path, reason: "it is a symbolic link; refusing to write through it (name the file itself)")
      }
      return try direct(path, following: true)
    default: return try direct(path, following: false)
    }
  }

  private static func atomic(_ path: String) throws(AtomicFile.WriteError) -> FileSink {
    let temporary: FileSink
    do {
      temporary = try FileSink(path: AtomicFile.temporaryPath(for: path))
    } catch {
      throw AtomicFile.WriteError(path: path, reason: error.reason)  // the file asked for, not its temporary
    }
    guard let file = temporary.file else { throw AtomicFile.WriteError(path: path, reason: "cannot open") }
    temporary.file = nil  // handed over to the replacing sink
    return FileSink(path: temporary.path, file: file, destination: path)
  }

  /// Opens an existing device, pipe or socket for writing; refuses one that turns out to be
  /// a regular file once opened (a link changed in between).
  private static func direct(_ path: String, following: Bool) throws(AtomicFile.WriteError) -> FileSink {
    let fd = open(path, O_WRONLY | O_CLOEXEC | (following ? 0 : O_NOFOLLOW))
    guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
    var status = stat()
    guard fstat(fd, &status) == 0, isStream(status.st_mode), let file = fdopen(fd, "w") else {
      Glibc.close(fd)
      throw AtomicFile.WriteError(path: path, reason: "it changed while being opened; refusing to write")
    }
    return FileSink(path: path, file: file, destination: nil)
  }

  /// The descriptor `path` names when it is one of this process's own (`/dev/stdout`,
  /// `/dev/stderr`, `/dev/fd/N`), else `nil`.
  private static func inheritedDescriptor(_ path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return 1
    case "/dev/stderr": return 2
    default:
      guard path.hasPrefix("/dev/fd/"), let number = Int32(path.dropFirst("/dev/fd/".count)), number >= 0 else { return nil }
      return number
    }
  }

  /// A sink on a copy of the open descriptor `descriptor`.
  private static func duplicate(_ descriptor: Int32, _ path: String) throws(AtomicFile.WriteError) -> FileSink {
    let fd = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
    guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
    guard let file = fdopen(fd, "w") else {
      let reason = String(cString: strerror(errno))
      Glibc.close(fd)
      throw AtomicFile.WriteError(path: path, reason: reason)
    }
    return FileSink(path: path, file: file, destination: nil)
  }

  /// Character devices, pipes and sockets: written as they are, never replaced.
  private static func isStream(_ mode: mode_t) -> Bool {
    let kind = mode & S_IFMT
    return kind == S_IFCHR || kind == S_IFIFO || kind == S_IFSOCK
  }

  package func write(_ bytes: some Collection<UInt8>) throws(AtomicFile.WriteError) {
    guard let file else { return }
    let written =
      bytes.withContiguousStorageIfAvailable { fwrite($0.baseAddress, 1, $0.count, file) }
      ?? Array(bytes).withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    guard written == bytes.count else {
      throw AtomicFile.WriteError(path: destination ?? path, reason: String(cString: strerror(errno)))
    }
  }

  package func write(_ text: String) throws(AtomicFile.WriteError) {
    try write(text.utf8)
  }

  /// Flushes and closes (standard output is only flushed). Reports a failed flush, such as
  /// a full disk. A ``replacing(_:)`` sink then moves its file over the destination; when
  /// anything fails, the temporary file is removed and the destination left as it was.
  package func close() throws(AtomicFile.WriteError) {
    guard let file else { return }
    self.file = nil
    if path == "-" {
      guard fflush(file) == 0 else { throw AtomicFile.WriteError(path: "standard output", reason: String(cString: strerror(errno))) }
      return
    }
    let descriptor = fileno(file)
    let regular = isRegular(descriptor)
    var failure: String?
    // The mode was set when the file was created (``init(path:)``); a descriptor given to the
    // command keeps its file's mode.
    if fflush(file) != 0 || (regular && fsync(descriptor) != 0) {
      failure = String(cString: strerror(errno))
    }
    if fclose(file) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    if let failure {
      if destination != nil { unlink(path) }
      throw AtomicFile.WriteError(path: destination ?? path, reason: failure)
    }
    if let destination {
      try AtomicFile.commit(path, to: destination)
      committed = true
    }
  }

  private func isRegular(_ descriptor: Int32) -> Bool {
    var status = stat()
    return fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
  }

  deinit {
    if let file, path != "-" { fclose(file) }
    // A replacing sink dropped before it was closed (the command failed): the old file stays.
    if destination != nil && !committed { unlink(path) }
  }
}
