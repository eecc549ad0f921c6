/// Reads delimiter-separated records per RFC 4180, one record at a time.
///
/// Accepts quoted fields with doubled quotes, line ends (LF or CR-LF) inside quotes, a UTF-8
/// byte-order mark and a missing final line end. Each record reports the line where it starts.
/// A record whose quote never closes is reported as `unterminated quoted field`; one longer
/// than `maxLength` bytes as `record longer than 1 MiB`. Memory is one record. Fed whole, in
/// chunks or byte by byte, it gives the same records.
struct CSVReader {
  struct Record {
    /// 1-based line where the record starts.
    var line: Int
    var fields: [[UInt8]]
    /// Why the record is unusable, or `nil`.
    var problem: String?
  }

  private let source: ByteSource
  private let delimiter: UInt8
  private let maxLength: Int
  private var line = 1
  private var started = false
  /// `\n`, or `\r` in a file of classic Mac line ends (``lineEnd(of:)``).
  private var recordEnd = UInt8(ascii: "\n")

  init(source: ByteSource, delimiter: UInt8, maxLength: Int = 1 << 20) {
    self.source = source
    self.delimiter = delimiter
    self.maxLength = maxLength
  }

  /// The next record, or `nil` at the end. Blank lines are skipped (they hold no record).
  mutating func next() throws(ImportError) -> Record? {
    if !started {
      started = true
      try skipByteOrderMark(source)
      recordEnd = try lineEnd(of: source)
    }
    while true {
      guard try source.peek() != nil else { return nil }
      let record = try readRecord()
      if record.problem == nil, record.fields.count == 1, record.fields[0].isEmpty { continue }
      return record
    }
  }

  /// The reason for a record over the limit: `record longer than 1 MiB`.
  static func tooLong(_ maxLength: Int) -> String {
    maxLength % (1 << 20) == 0 ? "record longer than \(maxLength >> 20) MiB" : "record longer than \(maxLength) bytes"
  }

  private mutating func readRecord() throws(ImportError) -> Record {
    let quote = UInt8(ascii: "\""), end = recordEnd, cr = UInt8(ascii: "\r")
    let startLine = line
    var fields: [[UInt8]] = []
    var field: [UInt8] = []
    var length = 0
    var inQuotes = false
    var fieldWasQuoted = false
    var problem: String?

    func tooLong() -> Bool { length > maxLength }

    while true {
      // Fast path: copy a run of ordinary bytes at once.
      if problem == nil {
        if inQuotes {
          var lines = 0
          _ = try source.append(upTo: quote, into: &field, limit: maxLength, newlines: &lines, length: &length)
          line += lines
        } else if !field.isEmpty && !fieldWasQuoted {
          var lines = 0
          _ = try source.append(upTo: delimiter, or: end, into: &field, limit: maxLength, newlines: &lines, length: &length)
        }
        if tooLong() {
          problem = CSVReader.tooLong(maxLength)
          fields = []
          field = []
        }
      }
      guard let byte = try source.read() else { break }
      length += 1
      if problem != nil {
        // Skip the rest of an over-long record, honouring quotes so we stop at its real end.
        if byte == quote { inQuotes.toggle() }
        if byte == end {
          line += 1
          if !inQuotes { return Record(line: startLine, fields: [], problem: problem) }
        }
        continue
      }
      if inQuotes {
        if byte == quote {
          if try source.peek() == quote {
            _ = try source.read()
            field.append(quote)
          } else {
            inQuotes = false
          }
        } else {
          if byte == end { line += 1 }
          field.append(byte)
        }
      } else if byte == delimiter {
        fields.append(field)
        field = []
        fieldWasQuoted = false
      } else if byte == end {
        line += 1
        if !fieldWasQuoted, field.last == cr { field.removeLast() }
        fields.append(field)
        return Record(line: startLine, fields: fields, problem: nil)
      } else if byte == quote && field.isEmpty && !fieldWasQuoted {
        inQuotes = true
        fieldWasQuoted = true
      } else if byte == cr, fieldWasQuoted, try source.peek() == end {
        continue
      } else {
        field.append(byte)
      }
      if tooLong() {
        problem = CSVReader.tooLong(maxLength)
        fields = []
        field = []
      }
    }
    if problem != nil { return Record(line: startLine, fields: [], problem: problem) }
    if inQuotes { return Record(line: startLine, fields: [], problem: "unterminated quoted field") }
    if field.last == cr && !fieldWasQuoted { field.removeLast() }
    fields.append(field)
    return Record(line: startLine, fields: fields, problem: nil)
  }
}
