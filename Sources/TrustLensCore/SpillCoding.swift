#if canImport(Glibc)
  import Glibc
#endif

/// A compact binary encoding for what a run spills to disk and reads back itself: records
/// between streaming them in and writing per-record outputs (JSON via Foundation's coders
/// was the run's bottleneck), and the timelines of a caseload too large to keep in memory.
///
/// A file is a sequence of frames: a frame's byte length (UInt32, little endian) then its
/// fields, integers as 8 bytes little endian, strings as length + UTF-8. Only the process
/// that wrote a file reads it, so there is no versioning.
public struct SpillWriter {
  public private(set) var buffer: [UInt8] = []

  public mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { buffer.append(contentsOf: $0) } }
  public mutating func int32(_ value: Int32) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
  public mutating func double(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { buffer.append(contentsOf: $0) } }
  public mutating func string(_ value: String) {
    int(value.utf8.count)
    buffer.append(contentsOf: value.utf8)
  }
  public mutating func optionalInt(_ value: Int?) { int(value ?? Int(Int64.min)) }

  public mutating func date(_ date: RecordDate) {
    int(date.day.dayNumber)
    optionalInt(date.secondsOfDay)
    optionalInt(date.utcOffsetSeconds)
  }

  public mutating func tags(_ tags: [String: Double]) {
    int(tags.count)
    for key in tags.keys.sorted() {
      string(key)
      double(tags[key]!)
    }
  }

  /// The identity every record starts with: id, subject, date, source.
  public mutating func identity(id: String, subject: String, date: RecordDate, source: SourceLocation) {
    string(id)
    string(subject)
    self.date(date)
    string(source.file)
    int(source.line)
  }

  public init() {}

  /// The fields written so far as one frame: their length, then them.
  public func frame() -> [UInt8] {
    var frame: [UInt8] = []
    frame.reserveCapacity(buffer.count + 4)
    withUnsafeBytes(of: UInt32(buffer.count).littleEndian) { frame.append(contentsOf: $0) }
    frame.append(contentsOf: buffer)
    return frame
  }
}

/// Reads frames back, streaming (one buffer, whatever the file's size).
public struct SpillReader {
  private var bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  public mutating func int() -> Int { Int(load(as: Int64.self)) }
  public mutating func int32() -> Int32 { load(as: Int32.self) }

  /// The little-endian integer at the read position, which moves past it.
  private mutating func load<Value: FixedWidthInteger>(as type: Value.Type) -> Value {
    defer { index += MemoryLayout<Value>.size }
    return SpillReader.load(type, from: bytes, at: index)
  }

  /// The little-endian integer at `offset` of `bytes` (any alignment).
  static func load<Value: FixedWidthInteger>(_ type: Value.Type, from bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Value {
    let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[offset..<offset + MemoryLayout<Value>.size]))
    return Value(littleEndian: raw.loadUnaligned(as: Value.self))
  }
  public mutating func double() -> Double { Double(bitPattern: UInt64(bitPattern: Int64(int()))) }
  public mutating func string() -> String {
    let count = int()
    defer { index += count }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + count]), as: UTF8.self)
  }
  public mutating func optionalInt() -> Int? {
    let value = int()
    return value == Int(Int64.min) ? nil : value
  }
  public mutating func date() -> RecordDate {
    RecordDate(day: LocalDay(dayNumber: int()), secondsOfDay: optionalInt(), utcOffsetSeconds: optionalInt())
  }
  public mutating func tags() -> [String: Double] {
    var result: [String: Double] = [:]
    for _ in 0..<int() {
      let key = string()
      result[key] = double()
    }
    return result
  }

  /// The identity written by ``SpillWriter/identity(id:subject:date:source:)``.
  public mutating func identity() -> (id: String, subject: String, date: RecordDate, source: SourceLocation) {
    let id = string(), subject = string(), date = date(), file = string(), line = int()
    return (id, subject, date, SourceLocation(file: file, line: line))
  }

  /// Calls `body` with each frame of the file at `path`, streaming.
  public static func forEachFrame(_ path: String, _ body: (inout SpillReader) throws -> Void) throws {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: "cannot read the spill file") }
    defer { close(fd) }
    try forEachFrame(descriptor: fd, name: path, body)
  }

  /// Calls `body` with each frame read from `descriptor` (from its current offset), streaming;
  /// `name` names the file in errors. A file that ends inside a frame is an error: frames are
  /// only ever written whole, so the file was cut short.
  public static func forEachFrame(descriptor fd: Int32, name: String, _ body: (inout SpillReader) throws -> Void) throws {
    var pending: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var start = 0
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 { if errno == EINTR { continue } else { throw AtomicFile.WriteError(path: name, reason: "cannot read the spill file: \(String(cString: strerror(errno)))") } }
      if n == 0 { break }
      pending.removeSubrange(0..<start)
      start = 0
      pending.append(contentsOf: chunk[0..<n])
      try pending.withUnsafeBufferPointer { all in
        while all.count - start >= 4 {
          let size = Int(SpillReader.load(UInt32.self, from: all, at: start))
          guard all.count - start - 4 >= size else { break }
          var reader = SpillReader(UnsafeBufferPointer(rebasing: all[start + 4..<start + 4 + size]))
          try body(&reader)
          start += 4 + size
        }
      }
    }
    guard start == pending.count else {
      throw AtomicFile.WriteError(path: name, reason: "the spill file ends inside a record (\(pending.count - start) bytes left over)")
    }
  }
}

/// A temporary file for spilled frames that is gone from its folder as soon as it is made:
/// created there under a unique name (`mkstemp`) and unlinked at once, written through a
/// buffer, read back by its descriptor, and freed when the value goes away (or the process
/// does, however it ends).
public final class AnonymousSpillFile {
  /// What errors call the file.
  public let name: String
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private let bufferSize: Int

  /// - Parameter bufferSize: bytes gathered before a write call (many files open at once
  ///   want small buffers); a larger frame is written straight through.
  public init(folder: String, name: String, bufferSize: Int = 64 * 1024) throws(AtomicFile.WriteError) {
    self.bufferSize = bufferSize
    self.name = "\(name) (temporary, in \(folder))"
    descriptor = try AnonymousSpillFile.descriptor(in: folder, name: name)
    buffer.reserveCapacity(bufferSize)
  }

  deinit { close(descriptor) }

  /// A read-write descriptor of a new file in `folder` that no name points to any more.
  public static func descriptor(in folder: String, name: String) throws(AtomicFile.WriteError) -> Int32 {
    var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw AtomicFile.WriteError(path: "\(folder)/.\(name)", reason: String(cString: strerror(errno)))
    }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return descriptor
  }

  public func write(_ bytes: [UInt8]) throws(AtomicFile.WriteError) {
    if buffer.count + bytes.count > bufferSize { try flush() }
    if bytes.count >= bufferSize {
      try AnonymousSpillFile.write(bytes, to: descriptor, name: name)
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  /// Calls `body` with each frame written so far, in order.
  public func forEachFrame(_ body: (inout SpillReader) throws -> Void) throws {
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
  public static func write(_ bytes: [UInt8], to descriptor: Int32, name: String) throws(AtomicFile.WriteError) {
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
      if result < 0, errno == EINTR { continue }
      guard result > 0 else { throw AtomicFile.WriteError(path: name, reason: String(cString: strerror(errno))) }
      written += result
    }
  }
}
