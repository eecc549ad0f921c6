import Foundation
import TrustLensCore
import TrustLensImport
import TrustLensAnalysis
import TrustLensTrends
import TrustLensExport

/// `trustlens-bench import [MB]`: import throughput per format on one core.
///
/// Build and run in release: `swift run -c release trustlens-bench import 500`.
let arguments = CommandLine.arguments.dropFirst()
let suite = arguments.first ?? "import"
let usage =
  "usage: trustlens-bench import [MB] | analyze [MB] | corpus ENTRIES [DIR] | trends [SUBJECTS] | workbook [ROWS] | features MODEL.tsv [TEXTS.jsonl]"
/// Stops with the usage line on standard error: a mistyped argument is never ignored.
func usageError(_ reason: String) -> Never {
  FileHandle.standardError.write(Data("trustlens-bench: \(reason)\n\(usage)\n".utf8))
  exit(2)
}
// Every suite but `features` takes one size (and `corpus` a folder after it); nothing else.
if suite != "features" {
  let allowed = suite == "corpus" ? 3 : 2
  if arguments.count > allowed { usageError("unexpected argument \"\(arguments.dropFirst(allowed).first!)\" for \(suite)") }
  if let size = arguments.dropFirst().first, Int(size).map({ $0 > 0 }) != true {
    usageError("\(suite) takes a positive whole number, not \"\(size)\"")
  }
}
let megabytes = arguments.dropFirst().first.flatMap(Int.init) ?? 500
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trustlens-bench").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

func measure(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

switch suite {
case "import":
  print("import throughput, one core, \(megabytes) MB per format (release build)")
  print("format   MB      entries     seconds   MB/s")
  let only = ProcessInfo.processInfo.environment["BENCH_FORMAT"]
  for (format, ext) in [("jsonl", "jsonl"), ("csv", "csv"), ("jrnl", "txt")] where only == nil || only == format {
    let path = "\(folder)/corpus-\(megabytes).\(ext)"
    var writer = CorpusWriter()
    if !FileManager.default.fileExists(atPath: path) {
      _ = try writer.write(format: format, bytes: megabytes << 20, to: path)
    }
    let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_048_576
    let importer = Importer(options: ImportOptions(subject: .fixed("bench"), timeZone: TimeZone(identifier: "UTC")!))
    var entries = 0, rejects = 0
    let seconds = try measure {
      try importer.read(InputFile(path: path, folderSubject: nil)) { record in
        if case .entry = record { entries += 1 } else { rejects += 1 }
      }
    }
    print(
      "\(format.padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(format: "%-7.0f %-11d %-9.2f %.0f", size, entries, seconds, size / seconds))"
        + (rejects > 0 ? "  (\(rejects) rejects!)" : ""))
  }
case "analyze":
  // Analysis throughput on one core, evidence on: the texts of the JSONL corpus.
  // BENCH_TEXTS=FILE.jsonl analyses that file's texts instead of the generated corpus.
  let path = ProcessInfo.processInfo.environment["BENCH_TEXTS"] ?? "\(folder)/corpus-\(megabytes).jsonl"
  if !FileManager.default.fileExists(atPath: path) {
    var writer = CorpusWriter()
    _ = try writer.write(format: "jsonl", bytes: megabytes << 20, to: path)
  }
  var texts: [String] = []
  var bytes = 0
  let importer = Importer(options: ImportOptions(subject: .fixed("bench"), timeZone: TimeZone(identifier: "UTC")!))
  try importer.read(InputFile(path: path, folderSubject: nil)) { record in
    if case .entry(let entry) = record {
      texts.append(entry.text)
      bytes += entry.text.utf8.count
    }
  }
  let analyzer = Analyzer(lexicon: try Lexicon.builtin())
  var tags = 0
  var workspace = AnalysisWorkspace()
  let seconds = measure {
    for text in texts { tags += analyzer.analyze(text, reusing: &workspace).evidence.count }
  }
  let megabytesOfText = Double(bytes) / 1_048_576
  print("analysis: \(texts.count) texts, \(String(format: "%.0f", megabytesOfText)) MB of text in \(String(format: "%.2f", seconds)) s on one core = \(String(format: "%.1f", megabytesOfText / seconds)) MB/s (\(tags) evidence items)")
  // Every core: chunks of 64 texts, a workspace per chunk, results kept (as the run does).
  let cores = ProcessInfo.processInfo.activeProcessorCount
  let chunks = (texts.count + 63) / 64
  let results = UnsafeMutableBufferPointer<Int>.allocate(capacity: chunks)
  defer { results.deallocate() }
  nonisolated(unsafe) let counts = results
  let allTexts = texts
  let parallelSeconds = measure {
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      var workspace = AnalysisWorkspace()
      var evidence = 0
      for index in chunk * 64..<min(chunk * 64 + 64, allTexts.count) {
        evidence += analyzer.analyze(allTexts[index], reusing: &workspace).evidence.count
      }
      counts[chunk] = evidence
    }
  }
  print("analysis: the same texts on \(cores) cores in \(String(format: "%.2f", parallelSeconds)) s = \(String(format: "%.1f", megabytesOfText / parallelSeconds)) MB/s (\(results.reduce(0, +)) evidence items)")
case "corpus":
  // `corpus ENTRIES DIR`: journals (JSONL, a subject per entry, 50 subjects) and weekly
  // check-ins (CSV) for the whole-run benchmark.
  let entries = megabytes == 500 ? 100_000 : megabytes
  let out = CommandLine.arguments.count > 3 ? CommandLine.arguments[3] : "\(folder)/corpus-\(entries)"
  try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
  var writer = CorpusWriter()
  let written = try writer.writeEntries(count: entries, to: out + "/journal.jsonl")
  var checkins = "date,subject,trust,communication,safety,self_care,mood,held\n"
  let start = LocalDay(iso: "2020-01-01")!
  for week in 0..<max(1, written.days / 7) {
    for subject in 0..<CorpusWriter.subjects(for: entries) {
      let trust = (week + subject) % 11
      checkins += "\(start.adding(days: week * 7 + subject % 7)),c\(LocalDay.pad(subject, 4)),\(trust),\(trust),\(trust),5,6,\(week % 9 == 0 ? "no" : "yes")\n"
    }
  }
  try checkins.write(toFile: out + "/checkins.csv", atomically: true, encoding: .utf8)
  print("corpus: \(written.entries) entries over \(written.days) days in \(out)")
case "trends":
  // 10,000 subjects × a year of daily entries (and weekly check-ins), assessed.
  let subjects = megabytes == 500 ? 10_000 : megabytes
  var random = SplitMix(seed: 42)
  let start = LocalDay(iso: "2025-01-01")!
  var timelines: [Timeline] = []
  let buildSeconds = measure {
    for s in 0..<subjects {
      var timeline = Timeline(subject: "s\(s)")
      for day in 0..<365 {
        let tags: [String: Double] = random.next() % 3 == 0 ? ["betrayal": 0.8, "rushing": 0.5] : ["hope": 0.6, "accountability": 0.5]
        timeline.add(
          AnalyzedRecord(
            id: "e", subject: timeline.subject, date: RecordDate(day: start.adding(days: day)),
            source: SourceLocation(file: "f", line: day), kind: .entry,
            analysis: TextAnalysis(words: 90, valence: random.nextDouble() * 2 - 1, emotions: tags.filter { $0.key != "rushing" && $0.key != "accountability" }, themes: tags.filter { $0.key == "rushing" || $0.key == "accountability" }, evidence: [])))
        if day % 7 == 0 {
          let trust = Double(random.next() % 11)
          timeline.add(
            CheckIn(
              id: "c", subject: timeline.subject, date: RecordDate(day: start.adding(days: day)),
              source: SourceLocation(file: "c", line: day), held: random.next() % 5 != 0,
              ratings: ["trust": trust, "safety": trust, "communication": trust, "self_care": 5]))
        }
      }
      timelines.append(timeline)
    }
  }
  let assessor = Assessor()
  var statuses: [String: Int] = [:]
  let seconds = measure {
    let assessments = Assessor.assessAll(timelines, with: assessor, asOf: nil)
    for a in assessments { statuses[a.status.rawValue, default: 0] += 1 }
  }
  print("trends: \(subjects) subjects × 365 days (built in \(String(format: "%.1f", buildSeconds)) s, not counted)")
  print("assessment: \(String(format: "%.2f", seconds)) s on \(ProcessInfo.processInfo.activeProcessorCount) cores; statuses \(statuses.sorted { $0.key < $1.key })")
case "workbook":
  // An Entries sheet of N rows with every column (27 tags, evidence), generated on the fly.
  let rows = megabytes == 500 ? 1_000_000 : megabytes
  let records = SyntheticRecords(count: rows)
  var report = Report(
    pipeline: "bench", asOf: nil, counts: RunCounts(), subjects: [],
    categories: Taxonomy.emotions.map { ($0, TagKind.emotion) } + Taxonomy.themes.map { ($0, TagKind.theme) },
    lexicons: ["builtin"], rejects: [])
  report.counts.entries = rows
  let path = "\(folder)/bench-\(rows).xlsx"
  let seconds = try measure { try WorkbookRenderer().write(report, records: records, to: path) }
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_048_576
  print(
    "workbook: \(rows) Entries rows × 35 columns in \(String(format: "%.1f", seconds)) s (\(Int(Double(rows) / seconds)) rows/s), peak RSS \(usage.ru_maxrss / 1024) MB, file \(String(format: "%.0f", size)) MB")
case "features":
  // `features MODEL.tsv [TEXTS.jsonl]`: the analyzer's features of each text (a JSON line with
  // "text" per input line, standard input without a file), one JSON line each, for
  // scripts/fit_lexicon.py (see Analyzer.featureDump).
  let arguments = Array(CommandLine.arguments.dropFirst(2))
  guard let model = arguments.first else {
    print("usage: trustlens-bench features MODEL.tsv [TEXTS.jsonl]")
    exit(2)
  }
  var lexicon = Lexicon()
  try lexicon.addBuiltinRules()
  try lexicon.addModel(path: model)
  let analyzer = Analyzer(lexicon: lexicon)
  let input = arguments.count > 1 ? FileHandle(forReadingAtPath: arguments[1]) : FileHandle.standardInput
  guard let input else {
    print("trustlens-bench: cannot read \(arguments[1])")
    exit(2)
  }
  var output = ""
  let source = arguments.count > 1 ? arguments[1] : "standard input"
  // One dump line per input line, in order: a line without a "text" string stops the dump
  // (naming the line) rather than being dumped as an empty text.
  for (index, line) in String(decoding: input.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").enumerated() {
    let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    guard let text = object?["text"] as? String else {
      FileHandle.standardError.write(Data("trustlens-bench: \(source) line \(index + 1): not a JSON object with a \"text\" string\n".utf8))
      exit(1)
    }
    output += analyzer.featureDump(text) + "\n"
    if output.utf8.count > 1 << 20 {
      FileHandle.standardOutput.write(Data(output.utf8))
      output = ""
    }
  }
  FileHandle.standardOutput.write(Data(output.utf8))
default:
  usageError("unknown suite \"\(suite)\"")
}
