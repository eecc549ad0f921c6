#if canImport(Glibc)
  import Glibc
#endif
import Foundation

/// A temporary file for spilled frames that is gone from its folder as soon as it is made:
/// created there under a unique name (`mkstemp`) and unlinked at once, written through a
/// buffer, read back by its descriptor, and freed when the value goes away (or the process
/// does, however it ends).
package final class AnonymousSpillFile {
  /// What errors call the file.
  package let name: String
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private let bufferSize: Int

  /// - Parameter bufferSize: bytes gathered before a write call (many files open at once
  ///   want small buffers); a larger frame is written straight through.
  package init(folder: String, name: String, bufferSize: Int = 64 * 1024) throws(AtomicFile.WriteError) {
    self.bufferSize = bufferSize
    self.name = "\(name) (temporary, in \(folder))"
    descriptor = try AnonymousSpillFile.descriptor(in: folder, name: name)
    buffer.reserveCapacity(bufferSize)
  }

  deinit { close(descriptor) }

  /// A read-write descriptor of a new file in `folder` that no name points to any more.
  package static func descriptor(in folder: String, name: String) throws(AtomicFile.WriteError) -> Int32 {
    var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw AtomicFile.WriteError(path: "\(folder)/.\(name)", reason: String(cString: strerror(errno)))
    }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return descriptor
  }

  package func write(_ bytes: [UInt8]) throws(AtomicFile.WriteError) {
    if buffer.count + bytes.count > bufferSize { try flush() }
    if bytes.count >= bufferSize {
      try AnonymousSpillFile.write(bytes, to: descriptor, name: name)
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  /// Calls `body` with each frame written so far, in order.
  package func forEachFrame(_ body: (inout SpillReader) throws -> Void) throws {
    try flush()
    guard lseek(descriptor, 0, SEEK_SET) == 0 else {
      throw AtomicFile.WriteError(path: name, reason: String(cString: strerror(errno)))
    }
    try SpillReader.forEachFrame(descriptor: descriptor, name: name, body)
  }

  private func flush() throws(AtomicFile.WriteError) {
    try AnonymousSpillFile.write(buffer, to: descriptor, name: name)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes all of `bytes` at the descriptor's offset (retrying short writes and EINTR);
  /// `name` names the file in errors.
  package static func write(_ bytes: [UInt8], to descriptor: Int32, name: String) throws(AtomicFile.WriteError) {
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
      if result < 0, errno == EINTR { continue }
      guard result > 0 else { throw AtomicFile.WriteError(path: name, reason: String(cString: strerror(errno))) }
      written += result
    }
  }
}
