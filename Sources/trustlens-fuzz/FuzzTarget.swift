// libFuzzer entry point for the readers, the lexicon loader, the analyzer (with the built-in
// lexicon) and the pipeline-file parser.
// Build and run with scripts/fuzz.sh; without -DFUZZING this is a stub executable that
// explains how.
import Foundation
import TrustLensAnalysis
import TrustLensCore
import TrustLensImport
import TrustLensExport
import TrustLensPipeline

#if FUZZING
  /// Which target this process fuzzes: `TRUSTLENS_FUZZ_TARGET` = jsonl, csv, tsv, jrnl,
  /// markdown, dayone, daylio, daily-notes, lexicon, text or pipeline.
  let target = ProcessInfo.processInfo.environment["TRUSTLENS_FUZZ_TARGET"] ?? "jsonl"
  /// The built-in analyzer, loaded once for the `text` target.
  let builtinAnalyzer = target == "text" ? Analyzer(lexicon: try! Lexicon.builtin()) : nil
  /// An analyzer without tags for the readers' run through ingest (the counts, not the tags,
  /// are what is checked there).
  let plainAnalyzer = Analyzer(lexicon: Lexicon())
  let scratchFolder = "/dev/shm/trustlens-fuzz-\(getpid())"
  /// The scratch file, named as the target's files are (so detection by extension runs too).
  let scratch: String = {
    try? FileManager.default.createDirectory(atPath: scratchFolder, withIntermediateDirectories: true)
    let name = [
      "jsonl": "in.jsonl", "csv": "in.csv", "tsv": "in.tsv", "jrnl": "in.txt", "markdown": "in.md",
      "dayone": "in.json", "daylio": "in.csv", "daily-notes": "2026-03-02.md",
    ][target] ?? "in"
    return scratchFolder + "/" + name
  }()

  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
  ) -> CInt

  /// SwiftPM links an executable's entry point under this name; hand control to libFuzzer.
  @_cdecl("trustlens_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzz)
  }

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    _ = FileManager.default.createFile(atPath: scratch, contents: bytes)
    switch target {
    case "lexicon":
      var lexicon = Lexicon()
      _ = try? lexicon.addFile(scratch)
      _ = Analyzer(lexicon: lexicon).analyze(String(decoding: bytes, as: UTF8.self))
    case "text":
      // Any text through the analyzer, with a reused workspace, and its evidence cell.
      var workspace = AnalysisWorkspace()
      let text = String(decoding: bytes, as: UTF8.self)
      let analysis = builtinAnalyzer!.analyze(text, reusing: &workspace)
      precondition(analysis == builtinAnalyzer!.analyze(text), "a reused workspace changed the analysis")
      _ = EvidenceText.line(analysis.evidence)
    case "pipeline":
      _ = try? PipelineFile.parse(String(decoding: bytes, as: UTF8.self), path: scratch)
    default:
      checkReader(Array(bytes))
    }
    return 0
  }

  /// One line per record, for comparing two readings of the same bytes.
  func summary(_ record: ImportedRecord) -> String {
    switch record {
    case .entry(let e): "e \(e.source.line) \(e.date) \(e.subject) \(e.id) \(e.text.utf8.count) \(e.userTags)"
    case .checkIn(let c): "c \(c.source.line) \(c.date) \(c.held) \(c.ratings.sorted { $0.key < $1.key }) \(c.note?.utf8.count ?? -1)"
    case .reject(let r): "r \(r.source.line) \(r.reason)"
    case .analyzed(let a): "a \(a.source.line) \(a.id) \(a.kind)"
    }
  }

  /// The readers' invariants, on every input:
  /// - every record (but an analysed one, which keeps its origin's line) starts on a line of
  ///   the input, and no message carries a control character;
  /// - read through reads of 7 bytes (as a pipe may deliver them), the same records and
  ///   notices come out as read whole;
  /// - through ingest, the run reconciles with what the reader gave: entries + check-ins +
  ///   rejected + duplicates = the records the reader gave.
  /// Odd-sized inputs are read with the target's format forced, even-sized ones detected.
  func checkReader(_ bytes: [UInt8]) {
    let forced = InputFormat(rawValue: target) ?? .jsonl
    var options = ImportOptions(format: bytes.count % 2 == 1 ? forced : .auto, timeZone: TimeZone(identifier: "Europe/Berlin")!)
    options.subject = .fixed("f")
    let importer = Importer(options: options)
    let file = InputFile(path: scratch, folderSubject: nil)
    var whole: [String] = [], wholeNotices: [String] = []
    var chunked: [String] = [], chunkedNotices: [String] = []
    do {
      try importer.read(file, notice: { wholeNotices.append($0.description) }) { whole.append(summary($0)) }
      try importer.read(file, maxRead: 7, notice: { chunkedNotices.append($0.description) }) { chunked.append(summary($0)) }
    } catch {
      return  // a file-level error (it cannot be read) is not a record
    }
    precondition(whole == chunked, "reads of 7 bytes gave other records")
    precondition(wholeNotices == chunkedNotices, "reads of 7 bytes gave other notices")
    let lines = bytes.lazy.filter { $0 == 10 }.count + 1
    // An analysed record keeps the line of the input it was analysed from, not this one's.
    for record in whole where !record.hasPrefix("a ") {
      let line = Int(record.split(separator: " ")[1])!
      precondition(line >= 1 && line <= lines, "a record outside the input's lines: \(record)")
    }
    for message in wholeNotices + whole.filter({ $0.hasPrefix("r ") })
    where message.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
      precondition(false, "a control character in a message: \(message.debugDescription)")
    }
    guard
      let counts = try? Ingest(sources: [Ingest.Source(path: scratch, options: options)], analyzer: plainAnalyzer)
        .run(into: SinkChain([])).total
    else { return }
    // `records` is the sum of entries, check-ins, rejects and duplicates: every record the
    // reader gave must land in exactly one of them.
    precondition(counts.records == whole.count, "ingest counted \(counts.records) records of \(whole.count)")
  }
#else
  @main struct FuzzStub {
    static func main() {
      print("trustlens-fuzz: build with scripts/fuzz.sh (libFuzzer); this build is a stub")
    }
  }
#endif
