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
  /// markdown, dayone, daylio, lexicon, text or pipeline.
  let target = ProcessInfo.processInfo.environment["TRUSTLENS_FUZZ_TARGET"] ?? "jsonl"
  /// The built-in analyzer, loaded once for the `text` target.
  let builtinAnalyzer = target == "text" ? Analyzer(lexicon: try! Lexicon.builtin()) : nil
  let scratch = "/dev/shm/trustlens-fuzz-\(getpid())"

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
      let format = InputFormat(rawValue: target) ?? .jsonl
      let importer = Importer(options: ImportOptions(format: format, timeZone: TimeZone(identifier: "Europe/Berlin")!))
      var count = 0
      _ = try? importer.read(InputFile(path: scratch, folderSubject: nil)) { _ in count += 1 }
    }
    return 0
  }
#else
  @main struct FuzzStub {
    static func main() {
      print("trustlens-fuzz: build with scripts/fuzz.sh (libFuzzer); this build is a stub")
    }
  }
#endif
