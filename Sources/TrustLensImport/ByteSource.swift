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

  /// Appends bytes up to (not including) the next `delimiter` to `line`, consumes the
  /// delimiter, and returns whether one was found (false at the end of the input). Stops
  /// appending once `line` holds more than `limit` bytes but still consumes to the delimiter;
  /// returns the number of bytes the line had in `length`.
  func readLine(into line: inout [UInt8], delimiter: UInt8, limit: Int, length: inout Int) throws(ImportError) -> Bool {
    while true {
      if position == count {
        try refill()
        if count == 0 { return false }
      }
      let found: Int? = buffer.withUnsafeBufferPointer { pointer in
        guard let base = pointer.baseAddress else { return nil }
        guard let hit = memchr(base + position, Int32(delimiter), count - position) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      }
      let end = found ?? count
      let available = end - position
      if line.count <= limit {
        let take = min(available, limit + 1 - line.count)
        line.append(contentsOf: buffer[position..<position + take])
      }
      length += available
      offset += available + (found == nil ? 0 : 1)
      position = found.map { $0 + 1 } ?? count
      if found != nil { return true }
    }
  }

  /// Appends bytes to `field` up to (not including) the first `a` or `b`, which is left
  /// unread; returns it (`nil` at the end of the input) and adds the line feeds it passed to
  /// `newlines`. Bytes past `limit` in `field` are consumed but not kept.
  func append(
    upTo a: UInt8, or b: UInt8, into field: inout [UInt8], limit: Int, newlines: inout Int, length: inout Int
  ) throws(ImportError) -> UInt8? {
    while true {
      if position == count {
        try refill()
        if count == 0 { return nil }
      }
      var stop: UInt8?
      let start = position
      let end: Int = buffer.withUnsafeBufferPointer { pointer in
        var index = start
        var lines = 0
        while index < count {
          let byte = pointer[index]
          if byte == a || byte == b {
            stop = byte
            break
          }
          if byte == 10 { lines += 1 }
          index += 1
        }
        newlines += lines
        return index
      }
      if field.count <= limit { field.append(contentsOf: buffer[start..<min(end, start + limit + 1 - field.count)]) }
      length += end - start
      offset += end - start
      position = end
      if let stop { return stop }
    }
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
