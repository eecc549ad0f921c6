#if canImport(Glibc)
  import Glibc
#endif
public import Foundation

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
///
/// Reads follow NIO's `ByteBuffer` contract: each consumes what it returns, and none reads
/// past the frame — a field that does not fit in what is left, a negative or oversized length
/// or count, throws ``CorruptFrame`` instead of trapping. ``forEachFrame(_:_:)`` names the
/// file and the frame in the error.
public struct SpillReader {
  /// A frame that ends inside a field, or holds a length or count that cannot be right.
  public struct CorruptFrame: Error, LocalizedError, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var errorDescription: String? { reason }
  }

  private var bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Bytes not read yet.
  public var remaining: Int { bytes.count - index }

  public mutating func int() throws(CorruptFrame) -> Int { Int(try load(as: Int64.self)) }
  public mutating func int32() throws(CorruptFrame) -> Int32 { try load(as: Int32.self) }

  /// The little-endian integer at the read position, which moves past it.
  private mutating func load<Value: FixedWidthInteger>(as type: Value.Type) throws(CorruptFrame) -> Value {
    guard remaining >= MemoryLayout<Value>.size else {
      throw CorruptFrame("a \(MemoryLayout<Value>.size)-byte field at byte \(index) runs past the frame's end (\(bytes.count) bytes)")
    }
    defer { index += MemoryLayout<Value>.size }
    return SpillReader.load(type, from: bytes, at: index)
  }

  /// The little-endian integer at `offset` of `bytes` (any alignment); the caller has checked
  /// that it fits.
  static func load<Value: FixedWidthInteger>(_ type: Value.Type, from bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Value {
    let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[offset..<offset + MemoryLayout<Value>.size]))
    return Value(littleEndian: raw.loadUnaligned(as: Value.self))
  }

  public mutating func double() throws(CorruptFrame) -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try int()))) }

  public mutating func string() throws(CorruptFrame) -> String {
    let count = try self.count(of: 1)
    defer { index += count }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + count]), as: UTF8.self)
  }

  /// A count of things that take at least `size` bytes each in the frame (an `Int` field):
  /// never negative, never more than what is left could hold.
  public mutating func count(of size: Int) throws(CorruptFrame) -> Int {
    let start = index
    let count = try int()
    guard count >= 0, count <= remaining / max(size, 1) else {
      throw CorruptFrame("a count of \(count) at byte \(start) does not fit in the \(remaining) bytes left")
    }
    return count
  }

  /// A count written as an `Int32` field (see ``count(of:)``).
  public mutating func count32(of size: Int) throws(CorruptFrame) -> Int {
    let start = index
    let count = Int(try int32())
    guard count >= 0, count <= remaining / max(size, 1) else {
      throw CorruptFrame("a count of \(count) at byte \(start) does not fit in the \(remaining) bytes left")
    }
    return count
  }

  public mutating func optionalInt() throws(CorruptFrame) -> Int? {
    let value = try int()
    return value == Int(Int64.min) ? nil : value
  }

  /// A day number, within a year of the years 1–9999 that records may carry.
  public mutating func day() throws(CorruptFrame) -> LocalDay {
    let start = index
    let number = try int()
    guard (-366...3_652_424).contains(number) else { throw CorruptFrame("day number \(number) at byte \(start) is out of range") }
    return LocalDay(dayNumber: number)
  }

  public mutating func date() throws(CorruptFrame) -> RecordDate {
    let day = try day(), seconds = try optionalInt(), offset = try optionalInt()
    return RecordDate(day: day, secondsOfDay: seconds, utcOffsetSeconds: offset)
  }

  public mutating func tags() throws(CorruptFrame) -> [String: Double] {
    var result: [String: Double] = [:]
    // Each tag is at least a length and a value: 16 bytes.
    for _ in 0..<(try count(of: 16)) {
      let key = try string()
      result[key] = try double()
    }
    return result
  }

  /// The identity written by ``SpillWriter/identity(id:subject:date:source:)``.
  public mutating func identity() throws(CorruptFrame) -> (id: String, subject: String, date: RecordDate, source: SourceLocation) {
    let id = try string(), subject = try string(), date = try date(), file = try string(), line = try int()
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
    var frames = 0
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
          do {
            try body(&reader)
          } catch let error as CorruptFrame {
            throw CorruptFrame("\(name): record \(frames + 1) of the spill file is corrupt: \(error.reason)")
          }
          frames += 1
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
