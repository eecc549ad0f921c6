import TrustLensCore

/// Reads plain-text journals whose entries start at a dated line: the jrnl format
/// (`[2026-03-01 21:14] Title…`) or Markdown headings whose text starts with a date
/// (`## 2026-03-01`, `# 2026-03-01 21:14 Title`, `## March 6, 2026`, `## 6 March 2026`; a
/// day/month heading such as `## 03/09/2026` is an entry rejected as ambiguous unless the
/// input's `date_format` reads it).
///
/// An entry runs to the next dated line; sub-headings without a date and lists stay inside
/// it. A whole entry is held to ``maxEntrySize`` bytes, however many lines it has: a longer
/// one is rejected at its first line (`record longer than 1 MiB`) and the reader skips to the
/// next dated line without keeping what it passes; a dated line itself over the limit is such
/// an entry, and the entry before it is kept. Text before the first dated entry (a
/// title, an introduction) is not a record: a notice says how many lines were not read.
/// jrnl's `@tags` in an entry become its tags. Memory is one entry.
struct DatedTextReader {
  enum Style { case jrnl, markdown }

  static let maxEntrySize = 1 << 20

  let builder: RecordBuilder
  let style: Style

  var context: ReadContext { builder.context }

  /// The entry being read.
  private struct Pending {
    var line: Int
    var date: String
    var text: [String]
    var size: Int
    var invalid: String?
    var tooLong = false
  }

  func read(_ source: ByteSource) throws {
    var lines = LineReader(source: source)
    var current: Pending?
    var preamble: (line: Int, count: Int)?
    // Inside a fenced code block (``` or ~~~) a `#` line is code, not a heading; a fence never
    // closed that held dated headings is said at the end.
    var fence: Fence?
    var fenceOpened = 0
    var datedLinesInFence = 0

    func flush() throws {
      guard let entry = current else { return }
      current = nil
      if entry.tooLong { return try context.reject(line: entry.line, "record longer than 1 MiB") }
      if let reason = entry.invalid { return try context.reject(line: entry.line, reason) }
      let text = entry.text.joined(separator: "\n").trimmed()
      var fields: [String: FieldValue] = [FieldNames.date: .string(entry.date), FieldNames.text: text.isEmpty ? .null : .string(text)]
      if style == .jrnl {
        let tags = DatedTextReader.jrnlTags(in: text)
        if !tags.isEmpty { fields[FieldNames.tags] = .array(tags.map(FieldValue.string)) }
      }
      try context.emit(builder.build(fields, line: entry.line, kind: .journal))
    }

    while let line = try lines.next() {
      if line.tooLong {
        // A dated line over the limit is its own entry, rejected at its line: the entry
        // before it ends there, whole.
        if let start = entryStart(String(decoding: line.head, as: UTF8.self)) {
          try flush()
          current = Pending(line: line.number, date: start.date, text: [], size: 0, tooLong: true)
        } else if current != nil {
          current?.tooLong = true
          current?.text = []
        } else {
          preamble = preamble.map { ($0.line, $0.count + 1) } ?? (line.number, 1)
        }
        continue
      }
      // Only a line starting with `[` or `#` can start an entry: others are not decoded
      // while an over-long entry is skipped.
      if style == .markdown, let marker = DatedTextReader.fenceMarker(line.bytes) {
        if fence == nil { (fenceOpened, datedLinesInFence) = (line.number, 0) }
        fence = Fence.after(fence, line: marker)
      } else if fence != nil, line.bytes.first == UInt8(ascii: "#"), entryStart(String(decoding: line.bytes, as: UTF8.self)) != nil {
        datedLinesInFence += 1
      }
      let indent = style == .markdown ? line.bytes.prefix(3).prefix { $0 == UInt8(ascii: " ") }.count : 0
      let mayStart = line.bytes.dropFirst(indent).first == UInt8(ascii: style == .jrnl ? "[" : "#") && fence == nil
      if current?.tooLong == true && !mayStart { continue }
      let valid = String(validating: line.bytes, as: UTF8.self)
      let text = valid ?? String(decoding: line.bytes, as: UTF8.self)
      if mayStart, let start = entryStart(text) {
        try flush()
        current = Pending(
          line: line.number, date: start.date, text: start.rest.isEmpty ? [] : [start.rest], size: start.rest.utf8.count,
          invalid: valid == nil ? invalidUTF8(line) : nil)
      } else if var entry = current {
        current = nil
        if !entry.tooLong {
          entry.size += line.bytes.count + 1
          if entry.size > DatedTextReader.maxEntrySize {
            entry.tooLong = true
            entry.text = []
          } else {
            entry.text.append(text)
            if entry.invalid == nil && valid == nil { entry.invalid = invalidUTF8(line) }
          }
        }
        current = entry
      } else if !text.isAllWhitespace {
        preamble = preamble.map { ($0.line, $0.count + 1) } ?? (line.number, 1)
      }
    }
    try flush()
    if fence != nil && datedLinesInFence > 0 {
      let headings = datedLinesInFence == 1 ? "1 dated heading" : "\(datedLinesInFence) dated headings"
      context.notice(
        line: fenceOpened, "a code fence opened here is never closed: \(headings) after it were read as code, inside the entry before (close the fence to read them as entries)")
    }
    if let preamble {
      let lines = preamble.count == 1 ? "1 line" : "\(preamble.count) lines"
      context.notice(line: preamble.line, "text before the first dated entry (\(lines)) is not read: a title or introduction")
    }
  }

  private func invalidUTF8(_ line: LineReader.Line) -> String? {
    guard let offset = firstInvalidUTF8Offset(line.bytes) else { return nil }
    let hint = context.options.reading.encoding == nil ? " (if the file is not UTF-8, set encoding:, e.g. windows-1252)" : ""
    return "invalid UTF-8 at byte \(offset + 1) of line \(line.number)\(hint)"
  }

  /// The date text and the rest of the line when `line` starts an entry.
  func entryStart(_ line: String) -> (date: String, rest: String)? {
    switch style {
    case .jrnl:
      guard line.hasPrefix("["), let close = line.firstIndex(ofASCII: UInt8(ascii: "]")) else { return nil }
      let inside = line[line.index(after: line.startIndex)..<close]
      guard DatedTextReader.looksLikeDate(inside) else { return nil }
      var rest = line[line.index(after: close)...].trimmed()
      if rest.hasPrefix("*") { rest = String(rest.dropFirst()).trimmed() }
      return (String(inside), rest)
    case .markdown:
      guard let heading = DatedTextReader.headingText(line) else { return nil }
      return DatedTextReader.isoDateStart(heading) ?? namedDateStart(String(heading))
    }
  }

  /// The text of a Markdown heading line (`## Title` → `Title`, trimmed), up to three spaces
  /// of indent allowed, as Markdown allows; nil for any other line.
  static func headingText(_ line: String) -> Substring? {
    let line = line.prefix(3).allSatisfy { $0 == " " } ? line.drop { $0 == " " } : Substring(line)
    let hashes = line.prefix { $0 == "#" }
    guard (1...6).contains(hashes.count) else { return nil }
    let heading = line.dropFirst(hashes.count)
    guard heading.first == " " || heading.first == "\t" else { return nil }
    return Substring(heading.trimmed())
  }

  /// The ISO date (and time) a heading's text opens with, and the rest: `2026-03-01 21:14 Title`,
  /// `**2026-03-11**` (bold) or `[[2026-03-12]]` (a wiki link), `2026-03-03: Title` (punctuation
  /// after the date belongs to the title); nil when it opens with no such date.
  static func isoDateStart(_ heading: Substring) -> (date: String, rest: String)? {
    let words = heading.split(maxSplits: 2, omittingEmptySubsequences: true) { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
    guard var first = words.first else { return nil }
    let undecorated = String(first.drop { "*_[".contains($0) }.reversed().drop { "*_]".contains($0) }.reversed())
    if undecorated.count < first.count, looksLikeDate(undecorated) { first = Substring(undecorated) }
    guard looksLikeDate(first) else { return nil }
    var rest = Array(words.dropFirst())
    if first.count > 10, let mark = first.dropFirst(10).first, ":,;.–—-".contains(mark), !first.dropFirst(10).contains("T") {
      let tail = first.dropFirst(11).trimmingPrefix(" ")
      if !tail.isEmpty { rest.insert(Substring(tail), at: 0) }
      first = first.prefix(10)
    }
    var date = String(first)
    if let time = rest.first, looksLikeTime(time) {
      date += " " + time
      rest.removeFirst()
    }
    return (date, rest.joined(separator: " "))
  }

  /// The fence character of a line that opens or closes a Markdown code block (three or more
  /// backticks or tildes, up to three spaces in), else nil.
  static func fenceMarker(_ bytes: [UInt8]) -> Fence? {
    let start = bytes.prefix(3).prefix { $0 == UInt8(ascii: " ") }.count
    guard bytes.count >= start + 3 else { return nil }
    let marker = bytes[start]
    guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
    let length = bytes[start...].prefix { $0 == marker }.count
    return length >= 3 ? Fence(marker: marker, length: length) : nil
  }

  /// A code fence: its character and how many of them (a fence closes on the same character,
  /// at least as many: four backticks hold a three-backtick line as code).
  struct Fence: Equatable {
    var marker: UInt8
    var length: Int

    /// The fence open after `line`'s fence (`self` the one open before it, if any).
    static func after(_ open: Fence?, line: Fence) -> Fence? {
      guard let open else { return line }
      return line.marker == open.marker && line.length >= open.length ? nil : open
    }
  }

  /// A heading that opens with a date in another spelling the date parser reads (`March 6,
  /// 2026`, `6 March 2026`, `Mon, Mar 7, 2026 9:14 PM`, or in the input's `date_format`), the
  /// longest such run of up to six words; or with a day/month date (`03/09/2026`), which
  /// starts an entry the record builder then reads or rejects as ambiguous. Numbers alone
  /// (`## 2026 goals`) and words that are no date (`## March goals`) start none.
  private func namedDateStart(_ heading: String) -> (date: String, rest: String)? {
    let words = heading.split(separator: " ", omittingEmptySubsequences: true)
    for count in stride(from: min(words.count, 6), through: 1, by: -1) {
      let candidate = words.prefix(count).joined(separator: " ")
      guard candidate.contains(where: { !($0.isNumber || $0 == ".") }) else { continue }
      if case .success = builder.dates.parse(candidate) {
        return (candidate, words.dropFirst(count).joined(separator: " "))
      }
    }
    if let first = words.first, DatedTextReader.looksLikeDayMonthDate(first) {
      return (String(first), words.dropFirst().joined(separator: " "))
    }
    return nil
  }

  /// `03/09/2026`, `3.9.26`: one or two digits, a `/` `.` or `-`, one or two digits, the same
  /// separator, two or four digits.
  static func looksLikeDayMonthDate(_ word: some StringProtocol) -> Bool {
    let parts = word.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." || $0 == "-" }
    guard parts.count == 3, Set(word.filter { $0 == "/" || $0 == "." || $0 == "-" }).count == 1 else { return false }
    let digitsOnly = parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    return digitsOnly && (1...2).contains(parts[0].count) && (1...2).contains(parts[1].count) && [2, 4].contains(parts[2].count)
  }

  /// jrnl's tags: `@word` where a word starts (not inside an e-mail address), in order, once
  /// each.
  static func jrnlTags(in text: String) -> [String] {
    // The `@` is found on the bytes (most entries have none); only around each one are
    // characters looked at, as a whole-text walk by characters was most of a jrnl import.
    var tags: [String] = []
    var from = text.startIndex
    while let at = text.firstIndex(ofASCII: UInt8(ascii: "@"), from: from) {
      let start = text.utf8.index(after: at)
      let opens: Bool
      if at == text.startIndex {
        opens = true
      } else {
        let previous = text[text.index(before: at)]
        opens = !(previous.isLetter || previous.isNumber || previous == "@")
      }
      guard opens else {
        from = start
        continue
      }
      let end = text[start...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ?? text.endIndex
      let tag = String(text[start..<end])
      if !tag.isEmpty && !tags.contains(tag) { tags.append(tag) }
      // An `@` right after a tag follows a letter or an `@`, so it opens none ("@a@b" is a).
      from = end
    }
    return tags
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
