#if canImport(Glibc)
  import Glibc
#endif
public import Foundation

/// Writes files so that they only appear when complete: into a temporary file in the same
/// folder, then renamed over the target. Files are created mode 0600, folders 0700, because
/// they hold client data.
public enum AtomicFile {
  /// A problem writing an output file. The message names the file and the system's reason.
  public struct WriteError: Error, LocalizedError, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }

    public var errorDescription: String? { "\(path): cannot write: \(reason)" }
  }

  /// Creates `path` and its missing parents with mode 0700.
  public static func makeFolder(_ path: String) throws(WriteError) {
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw WriteError(path: path, reason: "cannot create folder")
    }
  }

  /// A temporary path beside `path` for writing it.
  public static func temporaryPath(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
  }

  /// Moves a completed temporary file over `path` (atomic within one file system).
  public static func commit(_ temporary: String, to path: String) throws(WriteError) {
    chmod(temporary, 0o600)
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
  }

  /// Writes `data` to `path` atomically with mode 0600.
  /// (``stream(to:_:)`` for one write, keeping its typed error.)
  public static func write(_ data: some Collection<UInt8>, to path: String) throws(WriteError) {
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
  public static func stream(to path: String, _ body: (FileSink) throws -> Void) throws {
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
  public static func commit(_ sink: FileSink, to path: String) throws(WriteError) {
    do {
      try sink.close()
    } catch {
      unlink(sink.path)
      throw error
    }
    try commit(sink.path, to: path)
  }

  /// Writes `text` as UTF-8 to `path` atomically with mode 0600.
  public static func write(_ text: String, to path: String) throws(WriteError) {
    try write(Array(text.utf8), to: path)
  }
}

/// A buffered, append-only file writer (mode 0600) for streamed outputs.
public final class FileSink {
  public let path: String
  private var file: UnsafeMutablePointer<FILE>?

  /// Creates or truncates `path`.
  public init(path: String) throws(AtomicFile.WriteError) {
    self.path = path
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0, let file = fdopen(fd, "w") else {
      throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)))
    }
    self.file = file
  }

  /// Standard output, for commands that print their results.
  public init(standardOutput: Void) {
    self.path = "-"
    self.file = fdopen(1, "w")
  }

  public func write(_ bytes: some Collection<UInt8>) throws(AtomicFile.WriteError) {
    guard let file else { return }
    let written =
      bytes.withContiguousStorageIfAvailable { fwrite($0.baseAddress, 1, $0.count, file) }
      ?? Array(bytes).withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    guard written == bytes.count else {
      throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)))
    }
  }

  public func write(_ text: String) throws(AtomicFile.WriteError) {
    try write(text.utf8)
  }

  /// Flushes and closes (standard output is only flushed). Reports a failed flush, such as
  /// a full disk.
  public func close() throws(AtomicFile.WriteError) {
    guard let file else { return }
    self.file = nil
    if path == "-" {
      guard fflush(file) == 0 else { throw AtomicFile.WriteError(path: "standard output", reason: String(cString: strerror(errno))) }
      return
    }
    let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
    let closed = fclose(file) == 0
    guard flushed && closed else {
      throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)))
    }
  }

  deinit {
    if let file, path != "-" { fclose(file) }
  }
}
