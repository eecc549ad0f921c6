#if canImport(Glibc)
  import Glibc
#endif
import Foundation

/// A compact binary encoding for what a run spills to disk and reads back itself: records
/// between streaming them in and writing per-record outputs (JSON via Foundation's coders
/// was the run's bottleneck), and the timelines of a caseload too large to keep in memory.
///
/// A file is a sequence of frames: a frame's byte length (UInt32, little endian) then its
/// fields, integers as 8 bytes little endian, strings as length + UTF-8. Only the process
/// that wrote a file reads it, so there is no versioning — except the run state's cached
/// analyses, which outlive the run and carry a version of their own
/// (`RunState.cacheFrameVersion`).
package struct SpillWriter {
  package private(set) var buffer: [UInt8] = []

  package mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { buffer.append(contentsOf: $0) } }
  package mutating func int32(_ value: Int32) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
  package mutating func double(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { buffer.append(contentsOf: $0) } }
  package mutating func string(_ value: String) {
    int(value.utf8.count)
    buffer.append(contentsOf: value.utf8)
  }
  package mutating func optionalInt(_ value: Int?) { int(value ?? Int(Int64.min)) }

  package mutating func date(_ date: RecordDate) {
    int(date.day.dayNumber)
    optionalInt(date.secondsOfDay)
    optionalInt(date.utcOffsetSeconds)
  }

  package mutating func tags(_ tags: [String: Double]) {
    int(tags.count)
    for key in tags.keys.sorted() {
      string(key)
      double(tags[key]!)
    }
  }

  /// The identity every record starts with: id, subject, date, source.
  package mutating func identity(id: String, subject: String, date: RecordDate, source: SourceLocation) {
    string(id)
    string(subject)
    self.date(date)
    string(source.file)
    int(source.line)
  }

  package init() {}

  /// The fields written so far as one frame: their length, then them.
  package func frame() -> [UInt8] {
    var frame: [UInt8] = []
    frame.reserveCapacity(buffer.count + 4)
    withUnsafeBytes(of: UInt32(buffer.count).littleEndian) { frame.append(contentsOf: $0) }
    frame.append(contentsOf: buffer)
    return frame
  }
}
