#if canImport(Glibc)
  import Glibc
#endif
import TrustLensCore

/// Analysed records taken in any order and given back as Entries rows (``EntryRow``) by
/// subject (in byte order of its id), then by date (date-only texts first on their day), then
/// in the order they came — the Entries sheet's row order.
///
/// Memory does not hold the rows: each is written as a spill frame to an anonymous file
/// (``AnonymousSpillFile``, in the folder given: nothing is left behind however the process
/// ends), and only 16 bytes per record stay in memory — its date and where its frame lies.
/// Records are read back with one `pread` per run of frames that lie side by side in the
/// file (one for all of a subject's records when the input came grouped by subject and in
/// date order).
final class SortedEntries {
  /// Where one record lies and how it sorts within its subject.
  private struct Key {
    /// Local day and time of day, in order (date-only first on its day).
    var date: Int64
    /// Offset of the frame (its length prefix) in the file, in the low 40 bits; the frame's
    /// whole length, prefix included, in the high 24 (``longFrame`` when it does not fit).
    var place: UInt64

    var offset: Int { Int(place & SortedEntries.offsetMask) }
    var length: Int { Int(place >> 40) }
  }

  private static let offsetMask: UInt64 = (1 << 40) - 1
  /// The length field's value for a frame of 16 MiB or more: its length is read from the file.
  private static let longFrame = (1 << 24) - 1
  /// How many bytes of side-by-side frames one read takes at most.
  private static let readSize = 1 << 20

  private let descriptor: Int32
  private let name: String
  private var buffer: [UInt8] = []
  private var end = 0
  private var subjects: [String: Int] = [:]
  private var keys: [[Key]] = []

  /// Records added so far.
  private(set) var count = 0

  /// - Parameter folder: where the anonymous spill file is made (a private folder).
  init(folder: String) throws(AtomicFile.WriteError) {
    name = "Entries rows (temporary, in \(folder))"
    descriptor = try AnonymousSpillFile.descriptor(in: folder, name: "entries-rows.spill")
    buffer.reserveCapacity(SortedEntries.readSize)
  }

  deinit { close(descriptor) }

  /// Keeps one record for ``forEach(_:)``.
  func add(_ record: AnalyzedRecord) throws(AtomicFile.WriteError) {
    let frame = EntryRow(record).frame
    let index: Int
    if let known = subjects[record.subject] {
      index = known
    } else {
      index = keys.count
      subjects[record.subject] = index
      keys.append([])
    }
    let date = Int64(record.date.day.dayNumber) * 100_000 + Int64((record.date.secondsOfDay ?? -1) + 1)
    let length = UInt64(min(frame.count, SortedEntries.longFrame))
    keys[index].append(Key(date: date, place: UInt64(end) | length << 40))
    end += frame.count
    count += 1
    if buffer.count + frame.count > SortedEntries.readSize { try flush() }
    if frame.count >= SortedEntries.readSize {
      try AnonymousSpillFile.write(frame, to: descriptor, name: name)
    } else {
      buffer.append(contentsOf: frame)
    }
  }

  /// Calls `body` with the row of every record added, by subject, then date, then arrival.
  func forEach(_ body: (EntryRow) throws -> Void) throws {
    try flush()
    var chunk = [UInt8]()
    for subject in subjects.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let ordered = (subjects[subject].map { keys[$0] } ?? []).sorted { $0.date != $1.date ? $0.date < $1.date : $0.offset < $1.offset }
      var start = 0
      while start < ordered.count {
        // The longest run of frames that follow each other in the file, within one read.
        var stop = start + 1
        var length = try frameLength(ordered[start])
        while stop < ordered.count, ordered[stop].length != SortedEntries.longFrame,
          ordered[stop].offset == ordered[start].offset + length, length + ordered[stop].length <= SortedEntries.readSize
        {
          length += ordered[stop].length
          stop += 1
        }
        if chunk.count < length { chunk = [UInt8](repeating: 0, count: length) }
        try read(into: &chunk, count: length, at: ordered[start].offset)
        try chunk.withUnsafeBufferPointer { bytes in
          var position = 0
          for _ in start..<stop {
            let size = SortedEntries.uint32(bytes, at: position)
            var reader = SpillReader(UnsafeBufferPointer(rebasing: bytes[position + 4..<position + 4 + size]))
            try body(try EntryRow(&reader))
            position += 4 + size
          }
        }
        start = stop
      }
    }
  }

  /// A frame's whole length, prefix included (read from the file for a very long one).
  private func frameLength(_ key: Key) throws(AtomicFile.WriteError) -> Int {
    guard key.length == SortedEntries.longFrame else { return key.length }
    var prefix = [UInt8](repeating: 0, count: 4)
    try read(into: &prefix, count: 4, at: key.offset)
    return prefix.withUnsafeBufferPointer { 4 + SortedEntries.uint32($0, at: 0) }
  }

  /// The little-endian UInt32 at `offset` (a frame's length prefix).
  private static func uint32(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
    Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
  }

  private func flush() throws(AtomicFile.WriteError) {
    try AnonymousSpillFile.write(buffer, to: descriptor, name: name)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Reads `count` bytes at `offset` into the start of `bytes` (a short file is an error).
  private func read(into bytes: inout [UInt8], count: Int, at offset: Int) throws(AtomicFile.WriteError) {
    var done = 0
    while done < count {
      let result = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
      if result < 0, errno == EINTR { continue }
      guard result > 0 else {
        throw AtomicFile.WriteError(path: name, reason: result == 0 ? "cut short" : String(cString: strerror(errno)))
      }
      done += result
    }
  }
}
