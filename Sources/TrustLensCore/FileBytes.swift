#if canImport(Glibc)
  import Glibc
#endif

/// Reads a whole (small) file with POSIX calls.
///
/// Used for lexicons, templates and pipeline files instead of Foundation's readers, one of
/// which leaks a buffer on empty files (found by fuzzing).
package enum FileBytes {
  /// The file's bytes, or `nil` when it cannot be opened or read.
  package static func read(_ path: String, limit: Int = 1 << 30) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= limit {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
  }

  /// The file as UTF-8 text, or `nil` when unreadable or not valid UTF-8.
  package static func text(_ path: String) -> String? {
    read(path).flatMap { String(validating: $0, as: UTF8.self) }
  }
}
