#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TrustLensCore

/// A buffered, forward-only reader of a file's bytes, as UTF-8.
///
/// `peek()` looks at the next byte without consuming it; `read()` consumes it;
/// ``lookahead(_:)`` returns the next bytes without consuming them (format and encoding
/// detection look at exactly the bytes the reader then consumes, so standard input is read
/// once). Memory is one buffer, whatever the file's size. The reader owns its file descriptor
/// (unless it was handed one) and closes it exactly once, when it is deinitialised.
///
/// Bytes are handed on as the file holds them until ``decode(as:)`` names another encoding;
/// from then on every byte not yet consumed is transcoded to UTF-8 on the way.
final class ByteSource {
  /// The name the input is known by in messages.
  let path: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  /// The most bytes one `read(2)` asks for (tests use small values to read the way a pipe
  /// delivers short writes).
  private let maxRead: Int
  private var buffer: [UInt8]
  private var position = 0
  private var count = 0
  private var atEnd = false
  private var transcoder: Transcoder?
  /// Raw bytes waiting to be transcoded (only while a transcoder is set).
  private var pending: [UInt8] = []
  /// Bytes consumed so far (the offset of the next `read()`, in UTF-8 once transcoding).
  private(set) var offset = 0
  /// Where the raw bytes read are added up for a progress display, when set.
  var counter: ByteCounter?

  /// Opens `path` for reading; `-` reads standard input.
  ///
  /// The file is opened without blocking and must be a regular file (checked on the open
  /// descriptor, so a FIFO or device swapped in after the folder walk is never read).
  /// - Throws: ``ImportError/cannotOpen(path:reason:)``.
  convenience init(path: String, bufferSize: Int = 1 << 20, maxRead: Int = .max) throws(ImportError) {
    if path == "-" {
      self.init(descriptor: 0, name: "-", owned: false, bufferSize: bufferSize, maxRead: maxRead)
      return
    }
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw ImportError.cannotOpen(path: path, reason: ByteSource.errnoText()) }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      let reason = ByteSource.errnoText()
      close(fd)
      throw ImportError.cannotOpen(path: path, reason: reason)
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      close(fd)
      throw ImportError.cannotOpen(path: path, reason: "not a regular file")
    }
    // A small file gets a buffer of its size, not the whole `bufferSize` zeroed (a caseload of
    // many small files; the buffer still grows if the file does).
    let fileSize = Int(clamping: status.st_size)
    self.init(
      descriptor: fd, name: path, owned: true, bufferSize: min(bufferSize, max(4096, fileSize + 1)), maxRead: maxRead)
  }

  /// Reads an open descriptor (standard input, or a pipe in tests); `owned` closes it at the end.
  init(descriptor: Int32, name: String, owned: Bool, bufferSize: Int = 1 << 20, maxRead: Int = .max) {
    self.path = name
    self.descriptor = descriptor
    self.ownsDescriptor = owned
    self.maxRead = max(1, maxRead)
    buffer = [UInt8](repeating: 0, count: max(16, bufferSize))
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

  /// The next `n` bytes (fewer only at the end of the input) without consuming them.
  func lookahead(_ n: Int) throws(ImportError) -> [UInt8] {
    try fill(atLeast: n)
    return Array(buffer[position..<min(count, position + n)])
  }

  /// From now on, hands on the bytes not yet consumed transcoded from `encoding` to UTF-8.
  /// UTF-8 needs no transcoder (invalid sequences are left for the readers to report).
  func decode(as encoding: TextEncoding) {
    guard let transcoder = Transcoder(encoding) else { return }
    pending = Array(buffer[position..<count]) + pending
    count = position
    self.transcoder = transcoder
  }

  /// Consumes `n` bytes that ``lookahead(_:)`` showed.
  func skip(_ n: Int) throws(ImportError) {
    for _ in 0..<n where try read() == nil { return }
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

  /// Appends bytes to `field` up to (not including) the first `a` or `b` (`a` alone when `b`
  /// is `nil`), which is left unread; returns it (`nil` at the end of the input) and adds the
  /// line feeds it passed to `newlines`. Bytes past `limit` in `field` are consumed but not
  /// kept.
  func append(
    upTo a: UInt8, or b: UInt8? = nil, into field: inout [UInt8], limit: Int, newlines: inout Int, length: inout Int
  ) throws(ImportError) -> UInt8? {
    let b = b ?? a
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

  /// Hands the buffered bytes not yet consumed to `body` (at least one, `nil` at the end of
  /// the input) and consumes as many as it returns: the way push parsers take a file chunk
  /// by chunk.
  func consumeChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Int) throws -> Bool {
    if position == count {
      try refill()
      if count == 0 { return false }
    }
    let used = try buffer.withUnsafeBufferPointer { pointer in
      try body(UnsafeBufferPointer(rebasing: pointer[position..<count]))
    }
    position += used
    offset += used
    return true
  }

  /// Makes room and reads until at least `n` bytes are buffered or the input ends.
  private func fill(atLeast n: Int) throws(ImportError) {
    guard count - position < n else { return }
    if position > 0 {
      buffer.withUnsafeMutableBufferPointer { pointer in
        guard let base = pointer.baseAddress else { return }
        memmove(base, base + position, count - position)
      }
      count -= position
      position = 0
    }
    if buffer.count < n + 16 { buffer += [UInt8](repeating: 0, count: n + 16 - buffer.count) }
    while count < n, try readMore() {}
  }

  /// Refills an exhausted buffer.
  private func refill() throws(ImportError) {
    position = 0
    count = 0
    while count == 0, try readMore() {}
  }

  /// Reads (and transcodes) once more into the free end of the buffer; false at the end.
  private func readMore() throws(ImportError) -> Bool {
    guard var transcoder else {
      guard !atEnd else { return false }
      let n = try readRaw(into: &buffer, at: count, limit: buffer.count - count)
      if n == 0 { atEnd = true }
      count += n
      return n > 0
    }
    // Each raw byte becomes at most 3 bytes of UTF-8, plus up to 6 for what was carried over.
    let room = (buffer.count - count - 8) / 3
    guard room > 0 else { return false }
    if pending.isEmpty && !atEnd {
      pending = [UInt8](repeating: 0, count: min(room, 1 << 16))
      let n = try readRaw(into: &pending, at: 0, limit: pending.count)
      pending.removeLast(pending.count - n)
      if n == 0 { atEnd = true }
    }
    let take = min(room, pending.count)
    let before = count
    buffer.withUnsafeMutableBufferPointer { output in
      pending.withUnsafeBufferPointer { input in
        count = transcoder.decode(UnsafeBufferPointer(rebasing: input[..<take]), final: atEnd && take == pending.count, into: output, at: count)
      }
    }
    pending.removeFirst(take)
    self.transcoder = transcoder
    return count > before || !pending.isEmpty || !atEnd
  }

  /// One `read(2)` into `target[at...]` (retrying on interrupts, waiting when the descriptor
  /// is non-blocking and has nothing yet).
  private func readRaw(into target: inout [UInt8], at start: Int, limit: Int) throws(ImportError) -> Int {
    let request = min(limit, maxRead)
    while true {
      let n = target.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + start, request) }
      if n >= 0 {
        counter?.add(n)
        return n
      }
      if errno == EINTR { continue }
      if errno == EAGAIN || errno == EWOULDBLOCK {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&poller, 1, -1)
        continue
      }
      throw ImportError.readFailed(path: path, reason: ByteSource.errnoText())
    }
  }

  static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}
