public import TrustLensCore

/// How each file of an input will be read, without analysing anything: format, encoding,
/// delimiter, which column became which field, the records by kind, the first rejects and
/// notices. The library side of `trustlens inspect`.
public enum Inspector {
  /// What inspecting one file found.
  public struct File: Sendable {
    public var report: FileReport
    /// The first ``sampleSize`` rejects, in file order.
    public var rejects: [Reject] = []
    /// The first ``sampleSize`` notices, in file order, and how many there were.
    public var notices: [ImportNotice] = []
    public var noticeCount = 0
  }

  /// What inspecting an input found: its files, and the files met but not read.
  public struct Result: Sendable {
    public var files: [File] = []
    public var skipped: [SkippedFile] = []
  }

  /// The rejects and notices kept per file.
  public static let sampleSize = 5

  /// Reads every file of `path` as a run would, keeping only counts and samples.
  /// - Throws: ``ImportError`` for an input that is missing or cannot be read.
  public static func inspect(_ path: String, options: ImportOptions, links: LinkPolicy = .skip) throws -> Result {
    let expansion = try InputFiles.expand(path, links: links)
    var result = Result(skipped: expansion.skipped)
    for input in expansion.files {
      var rejects: [Reject] = []
      var notices: [ImportNotice] = []
      var noticeCount = 0
      let report = try Importer(options: options).read(
        input,
        notice: { notice in
          noticeCount += 1
          if notices.count < sampleSize { notices.append(notice) }
        },
        emit: { record in
          if case .reject(let reject) = record, rejects.count < sampleSize { rejects.append(reject) }
        })
      if let skipped = report.skipped {
        result.skipped.append(skipped)
      } else {
        result.files.append(File(report: report, rejects: rejects, notices: notices, noticeCount: noticeCount))
      }
    }
    return result
  }
}
