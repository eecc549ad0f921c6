import TrustLensCore

/// One file being read: where its records and notices go, and the ``FileReport`` of what was
/// learned about it. Every reader hands its records here, so the counts by kind and the
/// language check cover every format alike.
final class ReadContext {
  /// The file's name in sources (`export.zip:Journal.json` inside an archive).
  let file: String
  let options: ImportOptions
  var report: FileReport
  /// Whether the notice that records name their own subject over the rule's was given.
  var toldOwnSubject = false
  private let emitRecord: (ImportedRecord) throws -> Void
  private let emitNotice: (ImportNotice) -> Void

  init(
    file: String, options: ImportOptions, report: FileReport, emit: @escaping (ImportedRecord) throws -> Void,
    notice: @escaping (ImportNotice) -> Void
  ) {
    self.file = file
    self.options = options
    self.report = report
    self.emitRecord = emit
    self.emitNotice = notice
  }

  /// A context for another document of the same file (a `.json` inside a zip), sharing its
  /// handlers; its report is folded back with ``absorb(_:)``.
  func document(named name: String) -> ReadContext {
    ReadContext(file: name, options: options, report: report, emit: emitRecord, notice: emitNotice)
  }

  /// Takes over the counts another document's context gathered.
  func absorb(_ other: ReadContext) {
    let counts = other.report
    report.entries = counts.entries
    report.checkIns = counts.checkIns
    report.rejected = counts.rejected
    report.analyzed = counts.analyzed
    report.textsChecked = counts.textsChecked
    report.nonEnglishTexts = counts.nonEnglishTexts
  }

  func emit(_ record: ImportedRecord) throws {
    switch record {
    case .entry(let entry):
      report.entries += 1
      checkLanguage(entry.text)
    case .checkIn(let checkIn):
      report.checkIns += 1
      if let note = checkIn.note { checkLanguage(note) }
    case .reject: report.rejected += 1
    case .analyzed: report.analyzed += 1
    }
    try emitRecord(record)
  }

  func reject(line: Int, _ reason: String) throws {
    try emit(.reject(Reject(source: SourceLocation(file: file, line: line), reason: reason)))
  }

  func notice(line: Int, _ message: String) {
    emitNotice(ImportNotice(source: SourceLocation(file: file, line: line), message: message))
  }

  /// Texts met in this file, checked or not.
  private var textsMet = 0

  /// Checks a sample of the file's texts: the first ``LanguageCheck/checkedInFull`` and then
  /// one in ``LanguageCheck/sampleEvery`` (the notice reports the share of the texts checked;
  /// checking every text of a large file cost an eighth of the import's time).
  private func checkLanguage(_ text: String) {
    textsMet += 1
    guard textsMet <= LanguageCheck.checkedInFull || textsMet % LanguageCheck.sampleEvery == 0 else { return }
    guard let english = LanguageCheck.looksEnglish(text) else { return }
    report.textsChecked += 1
    if !english { report.nonEnglishTexts += 1 }
  }
}
