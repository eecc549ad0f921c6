#if canImport(Glibc)
  import Glibc
#endif
import Foundation

/// Reads frames back, streaming (one buffer, whatever the file's size).
///
/// Reads follow NIO's `ByteBuffer` contract: each consumes what it returns, and none reads
/// past the frame — a field that does not fit in what is left, a negative or oversized length
/// or count, throws ``CorruptFrame`` instead of trapping. ``forEachFrame(_:_:)`` names the
/// file and the frame in the error.
package struct SpillReader {
  /// A frame that ends inside a field, or holds a length or count that cannot be right.
  package struct CorruptFrame: Error, LocalizedError, Sendable {
    package let reason: String
    package init(_ reason: String) { self.reason = reason }
    package var errorDescription: String? { reason }
  }

  private var bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  package init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Bytes not read yet.
  package var remaining: Int { bytes.count - index }

  package mutating func int() throws(CorruptFrame) -> Int { Int(try load(as: Int64.self)) }
  package mutating func int32() throws(CorruptFrame) -> Int32 { try load(as: Int32.self) }

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

  package mutating func double() throws(CorruptFrame) -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try int()))) }

  package mutating func string() throws(CorruptFrame) -> String {
    let count = try self.count(of: 1)
    defer { index += count }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + count]), as: UTF8.self)
  }

  /// A count of things that take at least `size` bytes each in the frame (an `Int` field):
  /// never negative, never more than what is left could hold.
  package mutating func count(of size: Int) throws(CorruptFrame) -> Int {
    let start = index
    let count = try int()
    guard count >= 0, count <= remaining / max(size, 1) else {
      throw CorruptFrame("a count of \(count) at byte \(start) does not fit in the \(remaining) bytes left")
    }
    return count
  }

  /// A count written as an `Int32` field (see ``count(of:)``).
  package mutating func count32(of size: Int) throws(CorruptFrame) -> Int {
    let start = index
    let count = Int(try int32())
    guard count >= 0, count <= remaining / max(size, 1) else {
      throw CorruptFrame("a count of \(count) at byte \(start) does not fit in the \(remaining) bytes left")
    }
    return count
  }

  package mutating func optionalInt() throws(CorruptFrame) -> Int? {
    let value = try int()
    return value == Int(Int64.min) ? nil : value
  }

  /// A day number, within a year of the years 1–9999 that records may carry.
  package mutating func day() throws(CorruptFrame) -> LocalDay {
    let start = index
    let number = try int()
    guard (-366...3_652_424).contains(number) else { throw CorruptFrame("day number \(number) at byte \(start) is out of range") }
    return LocalDay(dayNumber: number)
  }

  package mutating func date() throws(CorruptFrame) -> RecordDate {
    let day = try day(), seconds = try optionalInt(), offset = try optionalInt()
    return RecordDate(day: day, secondsOfDay: seconds, utcOffsetSeconds: offset)
  }

  package mutating func tags() throws(CorruptFrame) -> [String: Double] {
    var result: [String: Double] = [:]
    // Each tag is at least a length and a value: 16 bytes.
    for _ in 0..<(try count(of: 16)) {
      let key = try string()
      result[key] = try double()
    }
    return result
  }

  /// The identity written by ``SpillWriter/identity(id:subject:date:source:)``.
  package mutating func identity() throws(CorruptFrame) -> (id: String, subject: String, date: RecordDate, source: SourceLocation) {
    let id = try string(), subject = try string(), date = try date(), file = try string(), line = try int()
    return (id, subject, date, SourceLocation(file: file, line: line))
  }

  /// Calls `body` with each frame of the file at `path`, streaming.
  package static func forEachFrame(_ path: String, _ body: (inout SpillReader) throws -> Void) throws {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: "cannot read the spill file") }
    defer { close(fd) }
    try forEachFrame(descriptor: fd, name: path, body)
  }

  /// Calls `body` with each frame read from `descriptor` (from its current offset), streaming;
  /// `name` names the file in errors. A file that ends inside a frame is an error: frames are
  /// only ever written whole, so the file was cut short.
  package static func forEachFrame(descriptor fd: Int32, name: String, _ body: (inout SpillReader) throws -> Void) throws {
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
