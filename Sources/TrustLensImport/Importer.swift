package import TrustLensCore
import Foundation

/// Reads input files of any supported format into records, one at a time.
///
/// Every record of a file ends as exactly one ``TrustLensCore/ImportedRecord``: an entry, a
/// check-in or a reject with file, line and reason. What is not a record — a guess about the
/// file, a bad field of a kept record — is an ``ImportNotice``. A file that gives no records
/// at all for a reason (binary content, an empty daily note) says so in the returned
/// ``FileReport/skipped``. Problems with a file as a whole (cannot be opened or read) are
/// thrown.
///
/// Format and encoding are detected from the first bytes the readers then consume, so
/// standard input is read exactly once, however it arrives.
package struct Importer: Sendable {
  package let options: ImportOptions

  /// The bytes format, encoding and delimiter detection look at.
  static let headSize = 64 << 10

  package init(options: ImportOptions) {
    self.options = options
  }

  /// Reads `file`, handing each record to `emit` and each notice to `notice`, in file order.
  /// - Returns: how the file was read.
  /// - Throws: ``ImportError`` for a file that cannot be opened or read; whatever `emit` throws.
  @discardableResult
  package func read(
    _ file: InputFile, notice: (ImportNotice) -> Void, emit: (ImportedRecord) throws -> Void
  ) throws -> FileReport {
    try withoutActuallyEscaping(emit) { emit in
      try withoutActuallyEscaping(notice) { notice in
        let context = ReadContext(file: file.path, options: options, report: FileReport(path: file.path), emit: emit, notice: notice)
        try read(file, source: nil, into: context)
        return context.report
      }
    }
  }

  /// Reads `file` the way a pipe delivering at most `maxRead` bytes per read would hand it
  /// over (the fuzzer checks that this gives the same records as reading it whole).
  @discardableResult
  package func read(
    _ file: InputFile, maxRead: Int, notice: (ImportNotice) -> Void, emit: (ImportedRecord) throws -> Void
  ) throws -> FileReport {
    try withoutActuallyEscaping(emit) { emit in
      try withoutActuallyEscaping(notice) { notice in
        let context = ReadContext(file: file.path, options: options, report: FileReport(path: file.path), emit: emit, notice: notice)
        try read(file, source: try ByteSource(path: file.path, bufferSize: 4096, maxRead: maxRead), into: context)
        return context.report
      }
    }
  }

  /// Reads `file` without its notices (for tools and benchmarks that count records only).
  package func read(_ file: InputFile, emit: (ImportedRecord) throws -> Void) throws {
    try read(file, notice: { _ in }, emit: emit)
  }

  /// Reads a Day One archive, then counts its size as read.
  private func readArchive(_ file: InputFile, into context: ReadContext) throws {
    try DayOneArchive(context: context, folderSubject: file.folderSubject).read(path: file.path)
    if let counter = options.bytesRead, let size = try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int {
      counter.add(size)
    }
  }

  /// Reads an already open source (tests hand in descriptors that deliver short reads).
  func read(_ file: InputFile, source given: ByteSource?, into context: ReadContext) throws {
    if options.subject == .folder && file.folderSubject == nil {
      context.notice(
        line: 1, "no client folder for subject: folder (\(file.path == "-" ? "standard input" : "a file at the top of the file system")): subjects come from each record's subject field, else default")
    }
    let isArchivePath = file.path != "-" && file.path.lowercased().hasSuffix(".zip")
    if isArchivePath && (options.format == .auto || options.format == .dayone) {
      return try readArchive(file, into: context)
    }
    let source = try given ?? ByteSource(path: file.path)
    source.counter = options.bytesRead
    var head = try source.lookahead(Importer.headSize)
    if head.isEmpty { return skip(.empty, context) }
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) && options.format == .auto {
      if file.path == "-" { return skip(.archiveOnStandardInput, context) }
      return try readArchive(file, into: context)
    }

    // The encoding: given, else a byte-order mark, a UTF-16 pattern, binary content.
    var verdict: EncodingDetector.Verdict
    if let given = options.reading.encoding {
      verdict = EncodingDetector.Verdict(
        encoding: given, origin: .given, markLength: EncodingDetector.markLength(of: given, in: head))
    } else if let detected = EncodingDetector.detect(head) {
      verdict = detected
    } else {
      return skip(.binary, context)
    }
    try source.skip(verdict.markLength)
    source.decode(as: verdict.encoding)
    head = try source.lookahead(Importer.headSize)

    // The format: given, else from the extension and the text.
    let format: InputFormat
    if options.format != .auto {
      format = options.format
      context.report.formatOrigin = .given
    } else if let detected = FormatDetector.detect(path: file.path, head: head) {
      format = detected.format
      context.report.formatOrigin = detected.origin
    } else {
      return skip(verdict.origin == .assumed && EncodingDetector.isBinary(head) ? .binary : .unrecognizedText, context)
    }
    context.report.format = format

    // Text people save from spreadsheets and editors may be Windows-1252; JSON is UTF-8.
    let textual = ![.jsonl, .dayone].contains(format)
    if verdict.origin == .assumed && textual
      && EncodingDetector.looksLikeWindows1252(head, complete: head.count < Importer.headSize)
    {
      verdict = EncodingDetector.Verdict(encoding: .windows1252, origin: .guessed)
      source.decode(as: .windows1252)
      context.notice(line: 1, "not UTF-8: read as windows-1252 (set encoding: to choose another, e.g. latin-1)")
    } else if verdict.origin == .guessed {
      context.notice(line: 1, "no byte-order mark: read as \(verdict.encoding.rawValue) (set encoding: to choose another)")
    }
    context.report.encoding = verdict.encoding
    context.report.encodingOrigin = verdict.origin

    let builder = RecordBuilder(context: context, subjectFromPath: file.folderSubject)
    switch format {
    case .jsonl:
      try JSONLinesReader(builder: builder, kind: options.kind).read(source)
    case .csv, .tsv, .daylio:
      let delimiter = delimiter(for: format, head: try source.lookahead(Importer.headSize), context: context)
      if format == .daylio {
        try DaylioReader(builder: builder, delimiter: delimiter).read(source)
      } else {
        let reader = DelimitedReader(
          builder: RecordBuilder(context: context, subjectFromPath: file.folderSubject, decimalComma: options.reading.decimalComma || delimiter != .comma),
          kind: options.kind, delimiter: delimiter)
        try reader.read(source)
      }
    case .jrnl:
      try DatedTextReader(builder: builder, style: .jrnl).read(source)
    case .markdown:
      try DatedTextReader(builder: builder, style: .markdown).read(source)
    case .dailyNotes:
      try DailyNoteReader(builder: builder, fileName: fileName(of: file.path)).read(source)
    case .dayone:
      try DayOneReader(builder: builder).read(source)
    case .auto:
      throw ImportError.unsupportedFormat(path: file.path, format: format.rawValue)
    }
  }

  /// The column separator: given, the tab of a TSV, else sniffed (a notice names it when it
  /// is not a comma).
  private func delimiter(for format: InputFormat, head: [UInt8], context: ReadContext) -> Delimiter {
    let delimiter: Delimiter
    if let given = options.reading.delimiter {
      delimiter = given
      context.report.delimiterOrigin = .given
    } else if format == .tsv && !context.file.lowercased().hasSuffix(".csv") {
      delimiter = .tab
      context.report.delimiterOrigin = context.report.formatOrigin == .guessed ? .guessed : .file
    } else {
      delimiter = DelimiterSniffer.sniff(head)
      context.report.delimiterOrigin = .guessed
      if delimiter != .comma {
        context.notice(line: 1, "columns separated by \(delimiter.displayName) (detected; set delimiter: to choose another)")
      }
    }
    context.report.delimiter = delimiter
    return delimiter
  }

  private func skip(_ reason: SkipReason, _ context: ReadContext) {
    context.report.skipped = SkippedFile(path: context.file, reason: reason)
  }
}
