import TrustLensTrends
import Foundation
import TrustLensCore
import TrustLensImport
import TrustLensAnalysis
import TrustLensExport

/// What every stage of one run shares (in the spirit of swift-format's Frontend): the
/// pipeline and its options, the analyzer, the run state, the templates, the output folder,
/// the pseudonyms, and where notices, progress and timings go.
final class RunContext {
  let pipeline: PipelineFile
  let options: RunOptions
  let folder: OutputFolder
  let analyzer: Analyzer
  let state: RunState?
  let templates: Templates
  /// Codes for every name the run would otherwise write (`pseudonymize: true`), or `nil`.
  let pseudonyms: Pseudonyms?
  /// Where the private files go (the pseudonym map, `rejects.private.csv`): never inside the
  /// output folder, which is the folder that gets shared.
  let privateFolder: String?
  /// The month of a monthly trend sheet (its first day), if one is made.
  let month: LocalDay?
  let notice: (String) -> Void
  let progress: (RunProgress) -> Void
  /// Input bytes read so far, added to by the readers.
  let bytesRead = ByteCounter()
  /// The inputs' total size in bytes, or `nil` when one is standard input.
  let inputBytes: Int?
  var timings = StageTimings()

  /// Loads everything a run needs before it reads a record, and prepares the output folder.
  /// - Throws: ``PipelineError`` for a lexicon, template, state, key or output-folder problem.
  init(
    pipeline: PipelineFile, options: RunOptions, notice: @escaping (String) -> Void,
    progress: @escaping (RunProgress) -> Void
  ) throws {
    self.pipeline = pipeline
    self.options = options
    self.notice = notice
    self.progress = progress
    inputBytes = RunContext.totalSize(of: pipeline.inputs.map(\.path), followLinks: pipeline.inputs.map(\.followLinks))
    month = options.month ?? pipeline.month
    analyzer = Analyzer(lexicon: try LexiconLoader.load(pipeline.lexicons))
    do {
      templates = try Templates(overrides: pipeline.template)
    } catch {
      throw PipelineError(wrapping: error)
    }
    if pipeline.pseudonymize {
      pseudonyms = try Pseudonyms(keyFile: pipeline.pseudonymKeyFile)
      privateFolder = try RunContext.privateFolder(for: pipeline)
    } else {
      pseudonyms = nil
      privateFolder = nil
    }
    folder = try OutputFolder.prepare(pipeline.outputDir, inputs: pipeline.inputs.map(\.path), state: pipeline.state, force: options.force)
    do {
      state = try pipeline.state.map { try RunState(path: $0, notice: notice) }
    } catch {
      throw PipelineError(wrapping: error)
    }
    timings.lap("load lexicon")
  }

  /// The pipeline's inputs with the settings to read them.
  var sources: [Ingest.Source] {
    pipeline.inputs.map { input in
      var options = ImportOptions(
        format: input.format, kind: input.kind, subject: input.subject, timeZone: pipeline.timeZone,
        ratingScale: pipeline.ratingScale, dayOrder: input.dayOrder)
      options.moodLabels = input.moodLabels
      options.reading = input.reading
      // Pseudonymised runs quote no field values in reject reasons (they could name a person).
      options.quoteValues = !pipeline.pseudonymize
      options.bytesRead = bytesRead
      return Ingest.Source(path: input.path, options: options, followLinks: input.followLinks)
    }
  }

  /// Where the pseudonym map and the private rejects go: the folder of `pseudonym_map:`, else
  /// a folder beside the output folder named after it (`output/caseload.private/`).
  /// - Throws: ``PipelineError`` when `pseudonym_map:` lies inside the output folder.
  private static func privateFolder(for pipeline: PipelineFile) throws -> String {
    let output = OutputFolder.canonical(pipeline.outputDir)
    guard let map = pipeline.pseudonymMap else {
      let folder = pipeline.outputDir.hasSuffix("/") ? String(pipeline.outputDir.dropLast()) : pipeline.outputDir
      return folder + ".private"
    }
    if OutputFolder.canonical(map).hasPrefix(output + "/") {
      throw PipelineError(
        "pseudonym_map \(map) lies inside the output folder \(pipeline.outputDir), which is the folder that gets shared: put it elsewhere")
    }
    return (map as NSString).deletingLastPathComponent.isEmpty ? "." : (map as NSString).deletingLastPathComponent
  }

  /// The pseudonym map's path (`pseudonym_map:`, else `pseudonyms.private.csv` in the private folder).
  var pseudonymMapPath: String? {
    guard let privateFolder else { return nil }
    return pipeline.pseudonymMap ?? privateFolder + "/pseudonyms.private.csv"
  }

  /// The summed size of the regular files the inputs expand to, or `nil` when one input is
  /// standard input (its size is not known) or cannot be listed.
  static func totalSize(of paths: [String], followLinks: [Bool]) -> Int? {
    var total = 0
    for (path, follows) in zip(paths, followLinks) {
      if path == "-" { return nil }
      guard let files = try? InputFiles.expand(path, links: follows ? .followAnywhere : .skip).files else { return nil }
      for file in files {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
          let size = attributes[.size] as? Int
        else { continue }
        total += size
      }
    }
    return total
  }
}
