import Foundation

/// Decides a file's format from its extension, then from its first bytes (the bytes the
/// reader then consumes: standard input is sniffed the same way as a file without an
/// extension).
enum FormatDetector {
  /// The format of `path` whose text starts with `head` (UTF-8), or `nil` when the text
  /// matches none of the formats.
  static func detect(path: String, head: [UInt8]) -> (format: InputFormat, origin: FileReport.Origin)? {
    let name = fileName(of: path)
    switch path == "-" ? "" : (name as NSString).pathExtension.lowercased() {
    case "jsonl", "ndjson": return (.jsonl, .file)
    case "csv": return (isDaylio(head) ? .daylio : .csv, .file)
    case "tsv", "tab": return (.tsv, .file)
    case "txt": return (isTabSeparated(head) ? .tsv : .jrnl, .file)
    case "md", "markdown":
      guard let day = DailyNoteReader.dateFields(ofFileName: name), !headsAnotherDay(head, than: day) else { return (.markdown, .file) }
      return (.dailyNotes, .file)
    case "json": return (firstLineIsJSONLine(head) ? .jsonl : .dayone, .file)
    default: return sniff(head).map { ($0, .guessed) }
    }
  }

  /// Whether `head` reads as a Markdown journal that merely starts with a date in its name
  /// (`2026-03-01 March journal.md`): a heading outside code fences starts with an ISO date
  /// other than the name's `day`, and nothing but headings, blank lines and front matter comes
  /// before the first dated heading. Then it is read entry by entry (its later entries were
  /// folded into the first, dated as it); a note with text of its own before a heading dated
  /// another day ("## 2026-03-02 plan for tomorrow") stays one daily note, so its text is kept.
  static func headsAnotherDay(_ head: [UInt8], than day: DailyNoteReader.NamedDate) -> Bool {
    let named = day.isoText
    var frontMatter = FrontMatter()
    var fence: DatedTextReader.Fence?
    var dated = false
    for (index, line) in head.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
      let bytes = Array(line.last == 13 ? line.dropLast() : line)
      let text = String(decoding: bytes, as: UTF8.self)
      if !dated && frontMatter.take(text, lineNumber: index + 1) { continue }
      if let marker = DatedTextReader.fenceMarker(bytes) {
        fence = DatedTextReader.Fence.after(fence, line: marker)
        continue
      }
      if fence == nil, let heading = DatedTextReader.headingText(text) {
        if let start = DatedTextReader.isoDateStart(heading) {
          if start.date.prefix(10).replacingOccurrences(of: "/", with: "-") != named { return true }
          dated = true
        }
        continue
      }
      // The note's own text before any dated heading: one daily note, whatever follows.
      if !dated && !text.isAllWhitespace { return false }
    }
    return false
  }

  /// True when the file's header row is Daylio's.
  static func isDaylio(_ head: [UInt8]) -> Bool {
    let line = head.prefix { $0 != 10 }
    let delimiter = DelimiterSniffer.sniff(Array(line)).byte
    let names = line.split(separator: delimiter).map {
      String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        .trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
    }
    return DaylioReader.matches(names)
  }

  /// Text that is not jrnl but a table with a tab between every column (Excel's "Unicode
  /// Text" export is a `.txt` of tab-separated UTF-16).
  private static func isTabSeparated(_ head: [UInt8]) -> Bool {
    guard head.first != UInt8(ascii: "["), head.prefix(while: { $0 != 10 }).contains(9) else { return false }
    // A jrnl journal whose title line holds a tab is still jrnl: any line of the head that
    // opens a jrnl entry (`[2026-03-01 …`) says so.
    let opensJrnlEntry = head.split(separator: 10).contains { line in
      line.first == UInt8(ascii: "[") && DatedTextReader.looksLikeDate(String(decoding: line.dropFirst().prefix(10), as: UTF8.self))
    }
    return !opensJrnlEntry && DelimiterSniffer.sniff(head) == .tab
  }

  /// A first line that is one whole JSON object (and not a one-line Day One document): JSON
  /// Lines rather than one pretty-printed document.
  private static func firstLineIsJSONLine(_ head: [UInt8]) -> Bool {
    let line = head.prefix { $0 != 10 }
    let trimmed = line.reversed().drop { $0 == 13 || $0 == 32 || $0 == 9 }
    guard trimmed.first == UInt8(ascii: "}") else { return false }
    return !contains(line, "\"entries\"")
  }

  /// Looks at the first line: `{` means JSON Lines (or a Day One document when the line
  /// does not end the object), `[YYYY-` jrnl, `#` or `---` Markdown, a header with a
  /// separator CSV or TSV.
  private static func sniff(_ head: [UInt8]) -> InputFormat? {
    let start = head.drop { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
    guard let first = start.first else { return nil }
    let line = Array(start.prefix { $0 != 10 })
    let text = String(decoding: line, as: UTF8.self)
    switch first {
    case UInt8(ascii: "{"): return firstLineIsJSONLine(Array(start)) ? .jsonl : .dayone
    case UInt8(ascii: "["): return DatedTextReader.looksLikeDate(text.dropFirst()) ? .jrnl : nil
    case UInt8(ascii: "#"): return text.drop { $0 == "#" }.first?.isWhitespace == true ? .markdown : nil
    default: break
    }
    if text.hasPrefix("---") { return .markdown }
    guard line.contains(where: { [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")].contains($0) }) else {
      return nil
    }
    if isDaylio(Array(start)) { return .daylio }
    return DelimiterSniffer.sniff(Array(start)) == .tab ? .tsv : .csv
  }

  private static func contains(_ bytes: some Collection<UInt8>, _ needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    let array = Array(bytes)
    guard array.count >= pattern.count else { return false }
    return (0...(array.count - pattern.count)).contains { array[$0..<$0 + pattern.count].elementsEqual(pattern) }
  }
}
