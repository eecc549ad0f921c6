import Foundation
import TrustLensCore

/// Reads plain-text journals whose entries start at a dated line: the jrnl format
/// (`[2026-03-01 21:14] Title…`) or Markdown headings whose text starts with a date
/// (`## 2026-03-01`, `# 2026-03-01 21:14 Title`).
///
/// An entry runs to the next dated line; sub-headings without a date and lists stay inside
/// it. Text before the first dated entry is reported as a reject, never dropped. Memory is
/// one entry.
struct DatedTextReader {
  enum Style { case jrnl, markdown }

  let builder: RecordBuilder
  let style: Style

  func read(_ source: ByteSource, emit: (ImportedRecord) throws -> Void) throws {
    var lines = LineReader(source: source)
    var current: (line: Int, date: String, text: [String], invalid: String?)?
    var preamble: (line: Int, count: Int)?

    func flush() throws {
      guard let entry = current else { return }
      current = nil
      if let reason = entry.invalid {
        try emit(.reject(Reject(source: SourceLocation(file: builder.file, line: entry.line), reason: reason)))
        return
      }
      let text = entry.text.joined(separator: "\n").trimmed()
      var fields: [String: FieldValue] = ["date": .string(entry.date), "text": .string(text)]
      if text.isEmpty { fields["text"] = .null }
      try emit(builder.build(fields, line: entry.line, kind: .journal))
    }

    while let line = try lines.next() {
      if line.tooLong {
        try flush()
        try emit(.reject(Reject(source: SourceLocation(file: builder.file, line: line.number), reason: "record longer than 1 MiB")))
        continue
      }
      let valid = String(validating: line.bytes, as: UTF8.self)
      let text = valid ?? String(decoding: line.bytes, as: UTF8.self)
      let invalid = valid != nil ? nil : firstInvalidUTF8Offset(line.bytes).map { "invalid UTF-8 at byte \($0 + 1) of line \(line.number)" }
      if let start = entryStart(text) {
        try flush()
        current = (line.number, start.date, start.rest.isEmpty ? [] : [start.rest], invalid)
      } else if current != nil {
        current?.text.append(text)
        if current?.invalid == nil { current?.invalid = invalid }
      } else if !text.allSatisfy(\.isWhitespace) {
        preamble = preamble.map { ($0.line, $0.count + 1) } ?? (line.number, 1)
      }
    }
    try flush()
    if let preamble {
      try emit(
        .reject(
          Reject(
            source: SourceLocation(file: builder.file, line: preamble.line),
            reason: "text before the first dated entry (\(preamble.count) \(preamble.count == 1 ? "line" : "lines"))")))
    }
  }

  /// The date text and the rest of the line when `line` starts an entry.
  func entryStart(_ line: String) -> (date: String, rest: String)? {
    switch style {
    case .jrnl:
      guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
      let inside = line[line.index(after: line.startIndex)..<close]
      guard DatedTextReader.looksLikeDate(inside) else { return nil }
      var rest = line[line.index(after: close)...].trimmed()
      if rest.hasPrefix("*") { rest = String(rest.dropFirst()).trimmed() }
      return (String(inside), rest)
    case .markdown:
      let hashes = line.prefix { $0 == "#" }
      guard (1...6).contains(hashes.count) else { return nil }
      let heading = line.dropFirst(hashes.count)
      guard heading.first == " " || heading.first == "\t" else { return nil }
      let words = heading.trimmed().split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
      guard let first = words.first, DatedTextReader.looksLikeDate(first) else { return nil }
      var date = String(first)
      var restWords = words.dropFirst()
      if let time = restWords.first, DatedTextReader.looksLikeTime(time) {
        date += " " + time
        restWords = restWords.dropFirst()
      }
      return (date, restWords.joined(separator: " "))
    }
  }

  /// `YYYY-MM-DD…` or `YYYY/MM/DD…` (the date parser decides if it is valid).
  static func looksLikeDate(_ text: some StringProtocol) -> Bool {
    let bytes = Array(text.utf8.prefix(10))
    guard bytes.count == 10 else { return false }
    for (index, byte) in bytes.enumerated() {
      if index == 4 || index == 7 {
        guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") else { return false }
      } else if !(48...57).contains(byte) {
        return false
      }
    }
    return true
  }

  static func looksLikeTime(_ text: some StringProtocol) -> Bool {
    let parts = text.split(separator: ":")
    return (2...3).contains(parts.count) && parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isNumber) }
  }
}
