public import TrustLensCore
import Foundation

/// Reads input files of any supported format into records, one at a time.
///
/// Every record of a file ends as exactly one ``TrustLensCore/ImportedRecord``: an entry, a
/// check-in or a reject with file, line and reason. Problems with a file as a whole (cannot
/// be opened or read) are thrown.
public struct Importer: Sendable {
  public let options: ImportOptions

  public init(options: ImportOptions) {
    self.options = options
  }

  /// Reads `file`, handing each record to `emit` in file order.
  /// - Throws: ``ImportError`` for a file that cannot be opened, read, or whose format is not
  ///   supported; whatever `emit` throws.
  public func read(_ file: InputFile, emit: (ImportedRecord) throws -> Void) throws {
    if file.path.lowercased().hasSuffix(".zip") && (options.format == .auto || options.format == .dayone) {
      try readDayOneArchive(file, emit: emit)
      return
    }
    let source = try ByteSource(path: file.path)
    let format = options.format == .auto ? try FormatDetector.detect(path: file.path) : options.format
    let builder = RecordBuilder(file: file.path, subjectFromPath: file.folderSubject, options: options)
    switch format {
    case .jsonl:
      try JSONLinesReader(builder: builder, kind: options.kind).read(source, emit: emit)
    case .csv:
      try DelimitedReader(builder: builder, kind: options.kind, delimiter: UInt8(ascii: ",")).read(source, emit: emit)
    case .tsv:
      try DelimitedReader(builder: builder, kind: options.kind, delimiter: UInt8(ascii: "\t")).read(source, emit: emit)
    case .jrnl:
      try DatedTextReader(builder: builder, style: .jrnl).read(source, emit: emit)
    case .markdown:
      try DatedTextReader(builder: builder, style: .markdown).read(source, emit: emit)
    case .daylio:
      try DaylioReader(builder: builder).read(source, emit: emit)
    case .dayone:
      try DayOneReader(builder: builder).read(try source.readAll(limit: DayOneReader.maxDocumentSize + 1), emit: emit)
    case .auto:
      throw ImportError.unsupportedFormat(path: file.path, format: format.rawValue)
    }
  }

  /// Reads every `.json` document inside a Day One export `.zip` (sources read
  /// `export.zip:Journal.json:LINE`).
  private func readDayOneArchive(_ file: InputFile, emit: (ImportedRecord) throws -> Void) throws {
    let documents: [(name: String, bytes: [UInt8])]
    do {
      documents = try ZipDocuments.jsonDocuments(in: file.path, limit: DayOneReader.maxDocumentSize + 1)
    } catch let error as ImportError {
      throw error
    } catch {
      try emit(.reject(Reject(source: SourceLocation(file: file.path, line: 1), reason: "not a readable zip archive")))
      return
    }
    if documents.isEmpty {
      try emit(.reject(Reject(source: SourceLocation(file: file.path, line: 1), reason: "no Day One JSON document in the archive")))
    }
    for document in documents {
      let builder = RecordBuilder(file: "\(file.path):\(document.name)", subjectFromPath: file.folderSubject, options: options)
      try DayOneReader(builder: builder).read(document.bytes, emit: emit)
    }
  }
}

/// Decides a file's format from its extension, then from its first bytes.
enum FormatDetector {
  static func detect(path: String) throws(ImportError) -> InputFormat {
    switch (path as NSString).pathExtension.lowercased() {
    case "jsonl", "ndjson": return .jsonl
    case "csv": return try isDaylio(path: path) ? .daylio : .csv
    case "tsv", "tab": return .tsv
    case "txt": return .jrnl
    case "md", "markdown": return .markdown
    case "json", "zip": return .dayone
    default: return try sniff(path: path)
    }
  }

  /// True when the file's header row is Daylio's.
  private static func isDaylio(path: String) throws(ImportError) -> Bool {
    let source = try ByteSource(path: path, bufferSize: 4096)
    try skipByteOrderMark(source)
    var lines = LineReader(source: source, maxLength: 4096)
    guard let first = try lines.next(), !first.tooLong else { return false }
    let names = String(decoding: first.bytes, as: UTF8.self).split(separator: ",")
      .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased() }
    return DaylioReader.matches(names)
  }

  /// Looks at the first line: `{` means JSON Lines, a tab TSV, a comma CSV.
  private static func sniff(path: String) throws(ImportError) -> InputFormat {
    let source = try ByteSource(path: path, bufferSize: 4096)
    var lines = LineReader(source: source, maxLength: 4096)
    guard let first = try lines.next(), !first.tooLong else { return .jsonl }
    let text = String(decoding: first.bytes, as: UTF8.self)
    if text.hasPrefix("{") { return .jsonl }
    if DatedTextReader.looksLikeDate(text.dropFirst(text.hasPrefix("[") ? 1 : 0)) && text.hasPrefix("[") { return .jrnl }
    if text.hasPrefix("[") { return .jrnl }
    if text.hasPrefix("#") { return .markdown }
    if text.contains("\t") { return .tsv }
    return .csv
  }
}
