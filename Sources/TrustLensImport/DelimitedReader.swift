import TrustLensCore

/// Reads CSV or TSV with a header row into records.
///
/// The header names the columns (``FieldResolver``: the input's `columns:` mapping, then the
/// default aliases, folded). Under `RecordKind.auto` the header decides the kind of the whole
/// file. Problems of the header are told once, in notices naming the header as found: no
/// date column, no text column in a journal, a mapped column that is not there, two columns
/// for one field, columns whose text is not read. Rows with more or fewer cells than the
/// header are rejected (`row has 5 cells, header has 4`).
struct DelimitedReader {
  let builder: RecordBuilder
  let kind: RecordKind
  let delimiter: Delimiter

  var context: ReadContext { builder.context }

  /// A header read: each column's field (or own name, `nil` for a column left unread), and
  /// which columns are no known field (their text, when seen, is told once at the end).
  private struct Header {
    var keys: [String?]
    var names: [String]
    var kind: RecordKind
    var unknown: [Bool]
    /// Per field two or more columns name, those columns, the one read first: a blank cell
    /// there gives way to the next (a blank `subject` beside a filled `client`).
    var fallbacks: [(field: String, columns: [Int])] = []
  }

  func read(_ source: ByteSource) throws {
    var records = CSVReader(source: source, delimiter: delimiter.byte)
    let resolver = FieldResolver(mapping: context.options.reading.columns)
    var header: Header?
    // Unknown columns whose cells held text (journal files: anything), found while reading.
    var unread: [Bool] = []
    var watching = false
    while let record = try records.next() {
      if let problem = record.problem {
        try context.reject(line: record.line, problem)
        continue
      }
      if let bad = record.fields.lazy.compactMap(firstInvalidUTF8Offset).first {
        try context.reject(line: record.line, invalidUTF8(byte: bad))
        continue
      }
      let cells = record.fields.map { String(decoding: $0, as: UTF8.self) }
      guard let current = header else {
        let read = readHeader(cells, line: record.line, resolver: resolver)
        header = read
        unread = Array(repeating: false, count: read.keys.count)
        watching = read.unknown.contains(true)
        continue
      }
      guard cells.count == current.keys.count else {
        try context.reject(line: record.line, "row has \(cells.count) cells, header has \(current.keys.count)")
        continue
      }
      var fields: [String: FieldValue] = [:]
      for (index, cell) in cells.enumerated() {
        guard let key = current.keys[index] else { continue }
        fields[key] = .string(cell)
      }
      for fallback in current.fallbacks where fields[fallback.field]?.isBlank ?? true {
        if let next = fallback.columns.first(where: { !cells[$0].isAllWhitespace }) { fields[fallback.field] = .string(cells[next]) }
      }
      if watching {
        for index in cells.indices where current.unknown[index] && !unread[index] {
          let cell = cells[index]
          if !cell.isAllWhitespace && (current.kind == .journal || Double(cell.trimmed()) == nil) {
            unread[index] = true
          }
        }
      }
      try context.emit(builder.build(fields, line: record.line, kind: current.kind))
    }
    if let header {
      let names = unread.indices.filter { unread[$0] }.map { show(header.names[$0]) }
      if !names.isEmpty {
        let (noun, verb) = names.count == 1 ? ("column", "holds") : ("columns", "hold")
        context.notice(
          line: 1, "\(noun) \(names.joined(separator: ", ")) \(verb) text that is not read (not a known column; name its field with columns:)")
      }
    }
  }

  /// The reject reason for a cell that is not UTF-8, with the fix.
  private func invalidUTF8(byte: Int) -> String {
    let hint = context.options.reading.encoding == nil ? " (if the file is not UTF-8, set encoding:, e.g. windows-1252)" : ""
    return "invalid UTF-8 at byte \(byte + 1) of a cell\(hint)"
  }

  /// Reads the header row: which field each column is, and what is wrong with it (notices).
  private func readHeader(_ cells: [String], line: Int, resolver: FieldResolver) -> Header {
    var keys: [String?] = []
    var best: [String: (column: Int, rank: Int)] = [:]
    var unknown: [Bool] = []
    var clashes: [String: [Int]] = [:]
    for (index, cell) in cells.enumerated() {
      let name = cell.trimmed()
      unknown.append(false)
      guard !name.isEmpty else {
        keys.append(nil)
        continue
      }
      let resolution = resolver.resolve(name)
      if let earlier = best[resolution.key] {
        clashes[resolution.key, default: [earlier.column]].append(index)
        if resolution.rank < earlier.rank {
          keys[earlier.column] = nil
          best[resolution.key] = (index, resolution.rank)
          keys.append(resolution.key)
        } else {
          keys.append(nil)
        }
      } else {
        best[resolution.key] = (index, resolution.rank)
        keys.append(resolution.key)
      }
      if !resolution.known { unknown[index] = true }
    }
    let names = cells.map { $0.trimmed() }
    let fields = Set(keys.compactMap { $0 })
    var fileKind = kind
    if fileKind == .auto { fileKind = FieldNames.looksLikeCheckIns(fields) ? .checkins : .journal }
    context.report.kind = fileKind
    context.report.columns = names.enumerated().map { index, name in
      guard let key = keys[index] else { return FileReport.Column(name: name, field: nil) }
      return FileReport.Column(name: name, field: unknown[index] ? (fileKind == .checkins ? "metric" : nil) : key)
    }

    let headerList = describeHeader(names)
    for (field, column) in resolver.missingMappedColumns(in: names, mapping: context.options.reading.columns) {
      context.notice(line: line, "columns: \(field) names \(show(column)), which is not in the header (\(headerList))")
    }
    for (field, columns) in clashes.sorted(by: { $0.key < $1.key }) {
      let used = best[field]?.column ?? columns[0]
      let listed = columns.map { show(names[$0]) }.joined(separator: " and ")
      // A column that is no known field is named by its own (folded) header text: shown as
      // any header text is, cleaned, and not at all under pseudonyms.
      let named = unknown[used] ? "column \(show(field))" : field
      context.notice(
        line: line, "columns \(listed) all name the \(named); \(show(names[used])) is read, the others where it is blank (choose with columns:)")
    }
    let fallbacks = clashes.sorted(by: { $0.key < $1.key }).map { field, columns in
      let used = best[field]?.column ?? columns[0]
      return (field: field, columns: [used] + columns.filter { $0 != used })
    }
    if !fields.contains(FieldNames.date) {
      context.notice(line: line, "no date column in \(headerList); name one with columns: (every row is rejected)")
    }
    if fileKind == .journal && !fields.contains(FieldNames.text) && !fields.contains(FieldNames.title) {
      context.notice(line: line, "no text column in \(headerList); name one with columns: (every row is rejected)")
    }
    if names.contains(where: { $0.contains(where: { !$0.isNumber }) && builder.dates.parse($0).isSuccess }) {
      context.notice(line: line, "the header row holds a date: is the header missing? (the first row is read as the header)")
    }
    for index in unknown.indices where keys[index] == nil { unknown[index] = false }
    return Header(keys: keys, names: names, kind: fileKind, unknown: unknown, fallbacks: fallbacks)
  }

  /// The header as found (`Date, Notes, Mood`), or only its size when values are not quoted.
  private func describeHeader(_ names: [String]) -> String {
    guard context.options.quoteValues else { return "the \(names.count) columns of the header" }
    let shown = names.prefix(12).map { Excerpt.clean($0) }.joined(separator: ", ")
    return names.count > 12 ? shown + ", … (\(names.count) columns)" : shown
  }

  private func show(_ name: String) -> String { builder.excerpt.quote(name) }
}

extension Result {
  var isSuccess: Bool {
    if case .success = self { return true }
    return false
  }
}
