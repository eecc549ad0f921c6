package import TrustLensCore

/// How each file of an input will be read, without analysing anything: format, encoding,
/// delimiter, which column became which field, the records by kind, the first rejects and
/// notices. The library side of `trustlens inspect`.
package enum Inspector {
  /// What inspecting one file found.
  package struct File: Sendable {
    package var report: FileReport
    /// The first ``sampleSize`` rejects, in file order.
    package var rejects: [Reject] = []
    /// The first ``sampleSize`` notices, in file order, and how many there were.
    package var notices: [ImportNotice] = []
    package var noticeCount = 0
  }

  /// What inspecting an input found: its files, and the files met but not read.
  package struct Result: Sendable {
    package var files: [File] = []
    package var skipped: [SkippedFile] = []
  }

  /// The rejects and notices kept per file.
  package static let sampleSize = 5

  /// Reads every file of `path` as a run would, keeping only counts and samples.
  /// - Throws: ``ImportError`` for an input that is missing or cannot be read.
  package static func inspect(_ path: String, options: ImportOptions, links: LinkPolicy = .skip) throws -> Result {
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
