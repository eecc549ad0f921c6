#if canImport(Glibc)
  import Glibc
#endif
package import Foundation

/// Writes files so that they only appear when complete: into a temporary file in the same
/// folder, then renamed over the target. Files are created mode 0600, folders 0700, because
/// they hold client data.
///
/// No planted file is obeyed: a temporary's name carries 64 random bits (``temporaryPath(for:)``),
/// it is created with `O_EXCL | O_NOFOLLOW` (nothing that is already there, file or link, is
/// opened), its mode is set on the descriptor (`fchmod`), and `rename` replaces whatever sits
/// at the target's name without following it.
package enum AtomicFile {
  /// A problem writing an output file. The message names the file and the system's reason.
  package struct WriteError: Error, LocalizedError, Sendable {
    package let path: String
    package let reason: String

    package init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }

    package var errorDescription: String? { "\(path): cannot write: \(reason)" }
  }

  /// Creates `path` and its missing parents with mode 0700.
  package static func makeFolder(_ path: String) throws(WriteError) {
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw WriteError(path: path, reason: "cannot create folder")
    }
  }

  /// A temporary path beside `path` for writing it: `.NAME.tmp-PID-RANDOM`, RANDOM being 16
  /// hex digits from the system's random source, so nobody can plant a file or a link at the
  /// name in advance. Nothing is created: ``FileSink/init(path:)`` creates it, refusing
  /// anything already there.
  package static func temporaryPath(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    var random = SystemRandomNumberGenerator()
    let suffix = String(random.next() as UInt64, radix: 16)
    let digits = String(repeating: "0", count: 16 - suffix.count) + suffix
    return url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(digits)").path
  }

  /// The process that made `name` (a file name, no folder) when it is exactly a temporary
  /// name of ``temporaryPath(for:)`` (`.NAME.tmp-PID-` and 16 lower-case hex digits); `nil`
  /// for any other name, so files of other programs are never taken for TrustLens's own.
  package static func temporaryOwner(_ name: String) -> pid_t? {
    let scalars = Array(name.unicodeScalars)
    guard scalars.count >= 1 + 1 + 5 + 1 + 17, scalars.first == ".",
      scalars.suffix(16).allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }),
      scalars[scalars.count - 17] == "-"
    else { return nil }
    let head = String(String.UnicodeScalarView(scalars.dropLast(17)))
    guard let marker = head.range(of: ".tmp-", options: .backwards), marker.lowerBound > head.index(after: head.startIndex)
    else { return nil }
    let digits = head[marker.upperBound...]
    guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCII), let pid = pid_t(digits), pid > 0 else { return nil }
    return pid
  }

  /// Removes the temporary files (exactly ``temporaryOwner(_:)``'s names) in `folder` itself —
  /// not below it — that a process that has ended left behind; with `includingOwn`, this
  /// process's too. A temporary of a process still running (say `analyze --out` writing into
  /// the same folder) is left alone. Links are unlinked, never followed.
  package static func removeStaleTemporaries(in folder: String, includingOwn: Bool = false) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    let own = getpid()
    for name in names {
      guard let owner = temporaryOwner(name) else { continue }
      let ended = kill(owner, 0) != 0 && errno == ESRCH
      if ended || (includingOwn && owner == own) { unlink(folder + "/" + name) }
    }
  }

  /// Moves a completed temporary file over `path` (atomic within one file system), mode
  /// 0600. The temporary is opened without following links and must be a regular file: if
  /// something replaced it, nothing is moved and the error says so.
  package static func commit(_ temporary: String, to path: String) throws(WriteError) {
    let fd = open(temporary, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else {
      let reason = errno == ELOOP ? "its temporary file was replaced by a symbolic link" : String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
    var status = stat()
    let regular = fstat(fd, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    let privateMode = regular && fchmod(fd, 0o600) == 0
    close(fd)
    guard regular, privateMode else {
      unlink(temporary)
      throw WriteError(path: path, reason: regular ? "cannot make it private" : "its temporary file is not a regular file")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
  }

  /// Writes `data` to `path` atomically with mode 0600.
  /// (``stream(to:_:)`` for one write, keeping its typed error.)
  package static func write(_ data: some Collection<UInt8>, to path: String) throws(WriteError) {
    let sink = try FileSink(path: temporaryPath(for: path))
    do {
      try sink.write(data)
    } catch {
      unlink(sink.path)
      throw error
    }
    try commit(sink, to: path)
  }

  /// Writes `path` atomically by streaming into a temporary file: `body` writes to the sink;
  /// the file is closed and renamed over `path` when `body` returns. When anything fails, the
  /// temporary file is removed and the error rethrown; `path` is left as it was.
  package static func stream(to path: String, _ body: (FileSink) throws -> Void) throws {
    let sink = try FileSink(path: temporaryPath(for: path))
    do {
      try body(sink)
    } catch {
      unlink(sink.path)  // the sink closes its file when it goes
      throw error
    }
    try commit(sink, to: path)
  }

  /// Closes a sink opened on ``temporaryPath(for:)`` and moves its file over `path`; a failed
  /// close removes the temporary file.
  package static func commit(_ sink: FileSink, to path: String) throws(WriteError) {
    do {
      try sink.close()
    } catch {
      unlink(sink.path)
      throw error
    }
    try commit(sink.path, to: path)
  }

  /// Writes `text` as UTF-8 to `path` atomically with mode 0600.
  package static func write(_ text: String, to path: String) throws(WriteError) {
    try write(Array(text.utf8), to: path)
  }
}
