package import TrustLensCore
import TrustLensImport
import TrustLensExport

extension Commands {
  /// The forms of `inspect`'s report.
  package enum InspectFormat: String, CaseIterable, Sendable { case table, json }

  /// `trustlens inspect`: how each file of the inputs will be read (``Inspector``), as a
  /// table for people or JSON, without analysing anything. Returns the exit status (0; a
  /// missing input throws).
  package static func inspect(_ selection: InputSelection, format: InspectFormat, output: FileSink) throws -> Int32 {
    var results: [Inspector.Result] = []
    for source in selection.sources {
      let links: LinkPolicy = !source.followLinks ? .skip : source.options.reading.linksAnywhere ? .followAnywhere : .followInside
      results.append(try Inspector.inspect(source.path, options: source.options, links: links))
    }
    let files = results.flatMap(\.files)
    let skipped = results.flatMap(\.skipped)
    switch format {
    case .table: try output.write(InspectText.table(files: files, skipped: skipped))
    case .json: try output.write(InspectText.json(files: files, skipped: skipped) + "\n")
    }
    try output.close()
    return 0
  }
}

/// The two forms of `inspect`'s report. Every name and reason from the input is cleaned of
/// control characters before it reaches a terminal.
enum InspectText {
  static func table(files: [Inspector.File], skipped: [SkippedFile]) -> String {
    var lines: [String] = []
    for file in files {
      let report = file.report
      lines.append(Commands.clean(report.path))
      var how = "  format     \(report.format?.rawValue ?? "-") (\(origin(report.formatOrigin, "extension")))"
      how += "   encoding \(report.encoding.rawValue) (\(origin(report.encodingOrigin, "byte-order mark")))"
      if let delimiter = report.delimiter {
        how += "   delimiter \(delimiter.displayName) (\(origin(report.delimiterOrigin, "extension")))"
      }
      lines.append(how)
      if let kind = report.kind { lines.append("  kind       \(kind.rawValue) (from the header)") }
      if !report.columns.isEmpty {
        let columns = report.columns.map { column in
          "\(Commands.clean(column.name)) → \(column.field.map { $0 == "metric" ? "extra metric" : $0 } ?? "not read")"
        }
        lines.append("  columns    " + columns.joined(separator: ", "))
      }
      var counts = "  records    \(report.records): \(report.entries) entries, \(report.checkIns) check-ins, \(report.rejected) rejected"
      if report.analyzed > 0 { counts += ", \(report.analyzed) analysed elsewhere" }
      lines.append(counts)
      if report.nonEnglishTexts > 0 {
        lines.append("  language   \(report.nonEnglishTexts) of \(report.textsChecked) texts look like they are not English")
      }
      for reject in file.rejects { lines.append("  reject     line \(reject.source.line): \(Commands.clean(reject.reason))") }
      if report.rejected > file.rejects.count { lines.append("             … \(report.rejected - file.rejects.count) more rejects") }
      for notice in file.notices { lines.append("  notice     line \(notice.source.line): \(Commands.clean(notice.message))") }
      if file.noticeCount > file.notices.count { lines.append("             … \(file.noticeCount - file.notices.count) more notices") }
    }
    if !skipped.isEmpty {
      lines.append("skipped")
      for file in skipped { lines.append("  \(Commands.clean(file.path)): \(Commands.clean(file.reason))") }
    }
    let total = files.reduce(into: (records: 0, entries: 0, checkIns: 0, rejected: 0)) { sum, file in
      sum.records += file.report.records
      sum.entries += file.report.entries
      sum.checkIns += file.report.checkIns
      sum.rejected += file.report.rejected
    }
    lines.append(
      "\(files.count) \(files.count == 1 ? "file" : "files") read, \(skipped.count) skipped: \(total.records) records (\(total.entries) entries, \(total.checkIns) check-ins, \(total.rejected) rejected)"
    )
    return lines.joined(separator: "\n") + "\n"
  }

  /// Where a setting came from, in words (`file` is the file's own say: its extension, or
  /// for an encoding its byte-order mark).
  private static func origin(_ origin: FileReport.Origin, _ fromFile: String) -> String {
    switch origin {
    case .given: "given"
    case .file: fromFile
    case .guessed: "detected"
    case .assumed: "default"
    }
  }

  static func json(files: [Inspector.File], skipped: [SkippedFile]) -> String {
    var json = JSONWriter()
    json.beginObject()
    json.key("files")
    json.beginArray()
    for file in files {
      let report = file.report
      json.beginObject()
      json.field("path", report.path)
      json.field("format", report.format?.rawValue)
      json.field("format_origin", report.formatOrigin.rawValue)
      json.field("encoding", report.encoding.rawValue)
      json.field("encoding_origin", report.encodingOrigin.rawValue)
      json.field("delimiter", report.delimiter?.rawValue)
      json.field("delimiter_origin", report.delimiter == nil ? nil : report.delimiterOrigin.rawValue)
      json.field("kind", report.kind?.rawValue)
      json.objects("columns", report.columns) { json, column in
        json.field("name", column.name)
        json.field("field", column.field)
      }
      json.field("records", report.records)
      json.field("entries", report.entries)
      json.field("checkins", report.checkIns)
      json.field("rejected", report.rejected)
      json.field("analyzed", report.analyzed)
      json.field("texts_checked", report.textsChecked)
      json.field("not_english", report.nonEnglishTexts)
      json.objects("rejects", file.rejects) { json, reject in
        json.field("line", reject.source.line)
        json.field("reason", reject.reason)
      }
      json.field("notice_count", file.noticeCount)
      json.objects("notices", file.notices) { json, notice in
        json.field("line", notice.source.line)
        json.field("message", notice.message)
      }
      json.endObject()
    }
    json.endArray()
    json.key("skipped")
    json.beginArray()
    for file in skipped {
      json.beginObject()
      json.field("path", file.path)
      json.field("reason", file.reason)
      json.endObject()
    }
    json.endArray()
    json.endObject()
    return json.text
  }
}
