#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered, forward-only reader of a file's bytes.
///
/// `peek()` looks at the next byte without consuming it; `read()` consumes it. Memory is one
/// fixed buffer, whatever the file's size. The reader owns its file descriptor and closes it
/// exactly once, when it is deinitialised.
final class ByteSource {
  private let path: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8]
  private var position = 0
  private var count = 0
  private var atEnd = false
  /// Bytes consumed so far (the offset of the next `read()`).
  private(set) var offset = 0

  /// Opens `path` for reading; `-` reads standard input.
  init(path: String, bufferSize: Int = 1 << 20) throws(ImportError) {
    self.path = path
    if path == "-" {
      descriptor = 0
      ownsDescriptor = false
    } else {
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else { throw ImportError.cannotOpen(path: path, reason: ByteSource.errnoText()) }
      descriptor = fd
      ownsDescriptor = true
    }
    buffer = [UInt8](repeating: 0, count: bufferSize)
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// The next byte without consuming it, or `nil` at the end of the input.
  @inline(__always)
  func peek() throws(ImportError) -> UInt8? {
    if position == count {
      try refill()
      if count == 0 { return nil }
    }
    return buffer[position]
  }

  /// Consumes and returns the next byte, or `nil` at the end of the input.
  @inline(__always)
  func read() throws(ImportError) -> UInt8? {
    guard let byte = try peek() else { return nil }
    position += 1
    offset += 1
    return byte
  }

  /// Everything left, up to `limit` bytes (one more than a caller's maximum tells it the
  /// input is too large).
  func readAll(limit: Int) throws(ImportError) -> [UInt8] {
    var bytes: [UInt8] = []
    while bytes.count < limit, try peek() != nil {
      let available = min(count - position, limit - bytes.count)
      bytes.append(contentsOf: buffer[position..<position + available])
      position += available
      offset += available
    }
    return bytes
  }

  private func refill() throws(ImportError) {
    position = 0
    count = 0
    guard !atEnd else { return }
    while true {
      let n = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ImportError.readFailed(path: path, reason: ByteSource.errnoText())
      }
      if n == 0 { atEnd = true }
      count = n
      return
    }
  }

  static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}
