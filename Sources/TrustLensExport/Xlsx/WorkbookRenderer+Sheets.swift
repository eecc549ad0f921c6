import TrustLensCore
import TrustLensTrends

extension WorkbookRenderer {
  // MARK: Weekly and Monthly

  /// Per subject a row for every week from its first week with data to its last (empty
  /// weeks too, so charts drawn on these rows have one time base).
  func writeWeekly(
    _ report: Report, _ layout: RollupLayout, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles
  ) throws {
    var rows: [(subject: String, label: String, bucket: DayBucket?)] = []
    try writeRollup(report, title: "Week (Monday)", noun: "week", sheet, workbook, styles) { subject in
      rows.removeAll(keepingCapacity: true)
      for (start, bucket) in WeekAxis.weeks(try subject.weekly) { rows.append((subject.displayName, WeekAxis.label(start), bucket)) }
      return rows
    }
  }

  /// Per subject a row for every month with data.
  func writeMonthly(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    try writeRollup(report, title: "Month", noun: "month", sheet, workbook, styles) { subject in
      try subject.monthly.map { (subject.displayName, WeekAxis.monthLabel($0.start), Optional($0.bucket)) }
    }
  }

  /// The columns of the Weekly and Monthly sheets (see ``RollupLayout``).
  static func rollupColumns(_ report: Report, title: String, noun: String) -> [SheetColumn] {
    let subjectWidth = Double(report.subjects.map(\.displayName.count).max() ?? 0) + 2
    var columns = [
      SheetColumn("Subject", width: min(max(subjectWidth, 10), 30)), SheetColumn(title, width: 12),
      SheetColumn("Texts", width: 7, number: true, note: "Texts analysed in the \(noun): journal entries and check-in notes."),
      SheetColumn("Entries", width: 7, number: true),
      SheetColumn("Valence", width: 8, number: true, note: "Mean tone of the \(noun)'s texts, in [-1, 1]."),
    ]
    columns += Rating.allCases.map { rating in
      SheetColumn(rating.rawValue, width: 7, number: true, note: rating == .trust ? "Mean rating of the \(noun)'s held check-ins, on the check-in scale (0–10 unless the pipeline says otherwise)." : nil)
    }
    columns += [
      SheetColumn("Held", width: 6, number: true, note: "Check-ins held in the \(noun)."),
      SheetColumn("Skipped", width: 6, number: true, note: "Check-ins skipped (held = no): evidence of avoidance, not missing data."),
      SheetColumn("Commitments made", width: 8, number: true), SheetColumn("Commitments kept", width: 8, number: true),
    ]
    columns += Taxonomy.emotions.enumerated().map { index, emotion in
      SheetColumn(emotion, width: 8, number: true, note: index == 0 ? "Emotion columns: the share of the \(noun)'s texts that carry the emotion (0–100%); blank in a \(noun) without texts." : nil)
    }
    return columns
  }

  private func writeRollup(
    _ report: Report, title: String, noun: String, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles,
    rows: (SubjectReport) throws -> [(subject: String, label: String, bucket: DayBucket?)]
  ) throws {
    let columns = WorkbookRenderer.rollupColumns(report, title: title, noun: noun)
    try WorkbookRenderer.table(columns, sheet, workbook, styles, freezeColumns: 2, footer: WorkbookRenderer.footer(report))
    var row = 0
    for subject in report.subjects {
      for (name, label, bucket) in try rows(subject) {
        row += 1
        try workbook.write(name, sheet, row: row, column: RollupLayout.subject)
        try workbook.write(label, sheet, row: row, column: RollupLayout.period)
        let bucket = bucket ?? DayBucket()
        try workbook.write(Double(bucket.texts), sheet, row: row, column: RollupLayout.texts, styles.integer)
        try workbook.write(Double(bucket.entries), sheet, row: row, column: RollupLayout.entries, styles.integer)
        if let valence = bucket.meanValence { try workbook.write(valence, sheet, row: row, column: RollupLayout.valence, styles.number2) }
        for (rating, mean) in bucket.ratings {
          try workbook.write(mean, sheet, row: row, column: RollupLayout.column(of: rating), styles.number2)
        }
        try workbook.write(Double(bucket.checkInsHeld), sheet, row: row, column: RollupLayout.held, styles.integer)
        try workbook.write(Double(bucket.checkInsSkipped), sheet, row: row, column: RollupLayout.skipped, styles.integer)
        if bucket.commitmentsMade > 0 || bucket.commitmentsKept > 0 {
          try workbook.write(bucket.commitmentsMade, sheet, row: row, column: RollupLayout.commitmentsMade)
          try workbook.write(bucket.commitmentsKept, sheet, row: row, column: RollupLayout.commitmentsKept)
        }
        guard bucket.texts > 0 else { continue }
        let counts = bucket.tagCounts
        for emotion in Taxonomy.emotions {
          guard let column = RollupLayout.column(ofEmotion: emotion) else { continue }
          try workbook.write(Double(counts[emotion] ?? 0) / Double(bucket.texts), sheet, row: row, column: column, styles.percent)
        }
      }
    }
    try workbook.autofilter(sheet, lastRow: max(row, 1), lastColumn: columns.count - 1)
    if row > 0 {
      try workbook.colorScale(sheet, firstRow: 1, firstColumn: RollupLayout.valence, lastRow: row, lastColumn: RollupLayout.valence, threeColors: true)
    }
  }

  // MARK: Check-ins

  func writeCheckIns(
    _ report: Report, _ records: some RecordSource, _ subject: String?, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook,
    _ styles: Styles
  ) throws {
    // A first pass for the widths: the Source column shows the whole `path:line`.
    var longest = (subject: 0, source: 0, id: 0)
    try records.forEachCheckIn(subject: subject) { checkIn in
      longest = (
        max(longest.subject, checkIn.subject.count), max(longest.source, checkIn.source.description.count), max(longest.id, checkIn.id.count)
      )
    }
    func fit(_ characters: Int, _ low: Double, _ high: Double) -> Double { min(max(Double(characters) + 2, low), high) }
    let known = Set(Rating.names)
    let noteWidth = 40.0, othersWidth = 24.0
    var columns = [
      SheetColumn("Date", width: 16, number: true), SheetColumn("Subject", width: fit(longest.subject, 10, 30)),
      SheetColumn("Held", width: 8, note: "held, or skipped (held = no): a skipped check-in is evidence of avoidance, not missing data."),
    ]
    columns += Rating.allCases.map { SheetColumn($0.rawValue, width: 7, number: true) }
    columns += [
      SheetColumn("Commitments made", width: 8, number: true), SheetColumn("Commitments kept", width: 8, number: true),
      SheetColumn("Other measures", width: othersWidth), SheetColumn("Note", width: noteWidth),
      SheetColumn("Source", width: fit(longest.source, 12, 60)), SheetColumn("ID", width: fit(longest.id, 8, 40)),
    ]
    let made = 3 + Rating.allCases.count, others = made + 2
    try WorkbookRenderer.table(columns, sheet, workbook, styles, freezeColumns: 1, footer: WorkbookRenderer.footer(report))
    var row = 0
    try records.forEachCheckIn(subject: subject) { checkIn in
      row += 1
      let extra = checkIn.ratings.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }
        .map { "\($0.key) = \(NumberText.short($0.value, digits: 2))" }.joined(separator: "; ")
      let lines = max(WrappedLines.count(checkIn.note ?? "", width: noteWidth), WrappedLines.count(extra, width: othersWidth))
      if lines > 1 { try workbook.setRowHeight(sheet, row: row, height: WrappedLines.height(lines: lines, maximumLines: 8)) }
      let dateFormat = checkIn.date.secondsOfDay == nil ? styles.date : styles.dateTime
      try workbook.write(XlsxWorkbook.serial(checkIn.date), sheet, row: row, column: 0, dateFormat)
      try workbook.write(checkIn.subject, sheet, row: row, column: 1, styles.top)
      try workbook.write(checkIn.held ? "held" : "skipped", sheet, row: row, column: 2, styles.top)
      for rating in Rating.allCases {
        if let value = checkIn.ratings[rating.rawValue] { try workbook.write(value, sheet, row: row, column: 3 + rating.position, styles.top) }
      }
      if let value = checkIn.commitmentsMade { try workbook.write(value, sheet, row: row, column: made, styles.top) }
      if let value = checkIn.commitmentsKept { try workbook.write(value, sheet, row: row, column: made + 1, styles.top) }
      if !extra.isEmpty { try workbook.write(extra, sheet, row: row, column: others, styles.wrap) }
      if let note = checkIn.note { try workbook.write(note, sheet, row: row, column: others + 1, styles.wrap) }
      try workbook.write(checkIn.source.description, sheet, row: row, column: others + 2, styles.top)
      try workbook.write(checkIn.id, sheet, row: row, column: others + 3, styles.top)
    }
    try workbook.autofilter(sheet, lastRow: max(row, 1), lastColumn: columns.count - 1)
  }

  // MARK: Signals, Rejects, About

  func writeSignals(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    let evidenceWidth = 90.0
    let subjectWidth = Double(report.subjects.map(\.displayName.count).max() ?? 0) + 2
    let columns = [
      SheetColumn("Subject", width: min(max(subjectWidth, 10), 30)), SheetColumn("Signal", width: 18),
      SheetColumn("From", width: 11, number: true), SheetColumn("To", width: 11, number: true),
      SheetColumn("Strength", width: 9, number: true, note: WorkbookRenderer.strengthNote),
      SheetColumn("Status", width: 17), SheetColumn("Evidence", width: evidenceWidth),
    ]
    try WorkbookRenderer.table(columns, sheet, workbook, styles, freezeColumns: 1, footer: WorkbookRenderer.footer(report))
    var row = 0
    for subject in report.subjects {
      for signal in subject.assessment.signals {
        row += 1
        let evidence = signal.evidence.joined(separator: "\n")
        let lines = WrappedLines.count(evidence, width: evidenceWidth)
        if lines > 1 { try workbook.setRowHeight(sheet, row: row, height: WrappedLines.height(lines: lines, maximumLines: 20)) }
        try workbook.write(subject.displayName, sheet, row: row, column: 0, styles.top)
        try workbook.write(signal.kind, sheet, row: row, column: 1, styles.top)
        try workbook.write(XlsxWorkbook.serial(RecordDate(day: signal.from)), sheet, row: row, column: 2, styles.date)
        try workbook.write(XlsxWorkbook.serial(RecordDate(day: signal.to)), sheet, row: row, column: 3, styles.date)
        try workbook.write(signal.strength, sheet, row: row, column: 4, styles.percent)
        let status = subject.assessment.status
        try workbook.write(status.rawValue, sheet, row: row, column: 5, styles.status[status] ?? styles.top)
        try workbook.write(evidence, sheet, row: row, column: 6, styles.wrap)
      }
    }
    try workbook.autofilter(sheet, lastRow: max(row, 1), lastColumn: columns.count - 1)
  }

  /// The writers' own tags: one row per subject and tag, its weeks and the tone of its
  /// entries beside the subject's other entries.
  func writeOwnTags(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    let names = Dictionary(report.subjects.map { ($0.assessment.subject, $0.displayName) }, uniquingKeysWith: { first, _ in first })
    let columns = [
      SheetColumn("Subject", width: 14), SheetColumn("Tag", width: 18), SheetColumn("Entries", width: 8, number: true),
      SheetColumn("Weeks", width: 7, number: true), SheetColumn("First", width: 11, number: true),
      SheetColumn("Last", width: 11, number: true),
      SheetColumn("Valence with tag", width: 10, number: true, note: "Mean valence (-1 to 1) of the entries the writer gave this tag."),
      SheetColumn("Valence otherwise", width: 10, number: true, note: "Mean valence of the subject's other entries; empty when every entry has the tag."),
    ]
    try WorkbookRenderer.table(columns, sheet, workbook, styles, freezeColumns: 2, footer: WorkbookRenderer.footer(report))
    for (index, tag) in report.ownTags.enumerated() {
      let row = index + 1
      try workbook.write(names[tag.subject] ?? tag.subject, sheet, row: row, column: 0)
      try workbook.write(tag.tag, sheet, row: row, column: 1)
      try workbook.write(Double(tag.entries), sheet, row: row, column: 2, styles.integer)
      try workbook.write(Double(tag.weeks), sheet, row: row, column: 3, styles.integer)
      try workbook.write(XlsxWorkbook.serial(RecordDate(day: tag.first)), sheet, row: row, column: 4, styles.date)
      try workbook.write(XlsxWorkbook.serial(RecordDate(day: tag.last)), sheet, row: row, column: 5, styles.date)
      try workbook.write(tag.valence, sheet, row: row, column: 6, styles.number2)
      if let other = tag.otherValence { try workbook.write(other, sheet, row: row, column: 7, styles.number2) }
    }
    try workbook.autofilter(sheet, lastRow: max(report.ownTags.count, 1), lastColumn: columns.count - 1)
  }

  static let strengthNote =
    "How strongly the data shows the signal, 0–100%. Rushing: how many of its cues hold (hurt persisting, repair work absent, pressure to move on, check-ins stopping). Setback: how far the recent mean fell below the earlier peak, against twice setback_drop. Avoidance: the share of check-ins skipped, the length of the gap, or the share of texts with avoidance language. Progress: 70% with one kind of evidence (ratings or writing), 90% with both. Self-care-neglect: 60% with one of its three kinds (low self-care ratings, bad self-care written, no self-care written while distressed), 90% with two or more."

  func writeRejects(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    let fileWidth = Double(report.rejects.map(\.source.file.count).max() ?? 0) + 2
    let columns = [
      SheetColumn("File", width: min(max(fileWidth, 12), 70)), SheetColumn("Line", width: 6, number: true),
      SheetColumn("Reason", width: 70),
    ]
    try WorkbookRenderer.table(columns, sheet, workbook, styles, footer: WorkbookRenderer.footer(report))
    for (index, reject) in report.rejects.enumerated() {
      try workbook.write(reject.source.file, sheet, row: index + 1, column: 0)
      try workbook.write(Double(reject.source.line), sheet, row: index + 1, column: 1, styles.integer)
      try workbook.write(reject.reason, sheet, row: index + 1, column: 2)
    }
    if report.counts.rejected > report.rejects.count {
      try workbook.write(
        "… \(report.counts.rejected - report.rejects.count) more in rejects.csv", sheet,
        row: report.rejects.count + 1, column: 0, styles.muted)
    }
  }

  func writeAbout(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    let width = 100.0
    try workbook.setColumn(sheet, first: 0, last: 0, width: 24)
    try workbook.setColumn(sheet, first: 1, last: 1, width: width)
    try workbook.printSetup(sheet, footer: WorkbookRenderer.footer(report))
    var rows: [(String, String)] = [
      ("Pipeline", report.pipeline + (report.pipelinePath.map { " (\($0))" } ?? "")),
      ("As of", report.asOf?.description ?? "—"),
      ("Time zone", report.timeZone.isEmpty ? "—" : report.timeZone),
      ("Lexicons", report.lexicons.joined(separator: ", ")),
      ("Records", RunCountsText.sum(report.counts)),
      ("Texts analysed", "\(report.counts.analyzed) (entries and check-in notes); reused from earlier runs: \(report.counts.reused)"),
      ("", ""),
    ]
    rows += WorkbookRenderer.howToRead.map { ($0.0, $0.1) }
    if !report.showsText { rows.append(("Text", "The texts themselves are left out of this workbook (a pseudonymised report, or the pipeline's entries_text: false): see each record at its source.")) }
    for (index, (key, value)) in rows.enumerated() {
      let lines = WrappedLines.count(value, width: width)
      if lines > 1 { try workbook.setRowHeight(sheet, row: index, height: WrappedLines.height(lines: lines, maximumLines: 30)) }
      try workbook.write(key, sheet, row: index, column: 0, key == "How to read" ? styles.title : styles.bold)
      if !value.isEmpty { try workbook.write(value, sheet, row: index, column: 1, styles.wrap) }
    }
  }

  /// The About sheet's explanation of every sheet and measure.
  static let howToRead: [(String, String)] = [
    ("How to read", ""),
    ("Overview", "One row per subject, those needing attention first: rushing, setback and avoidance, then by the strength of the strongest concern signal (every signal but progress, 0–100%), with the last entry, the days since it and the check-ins held of all."),
    ("Summary", "One block per subject: the status with the reasons for it, every signal with its evidence, the measures and weekly charts (ratings, valence, emotions, check-ins) drawn on one row per week from the subject's first week to its last."),
    ("Measures", "First and Last: the first and last value of the measure. Slope / week: Sen's slope, the median of the changes between every pair of points, per week. Trend p: the Mann-Kendall test's two-sided p-value, the chance of a trend at least this steady if the values only varied at random (below 0.05 a trend counts; < 0.001 is shown below 0.001). RCI: the Jacobson–Truax reliable change index from first to last; beyond ±1.96 the change is larger than measurement error explains (ratings only)."),
    ("Entries", "One row per analysed text, by subject and then date: its valence in [-1, 1] (red to green), the text itself, the writer's own tags, the words that produced each tag (Evidence), one column per tag with its intensity in (0, 1] (blank = absent), its word count, and where it came from (file:line)."),
    ("Weekly / Monthly", "Per subject and ISO week (Monday; every week from the first to the last, empty ones too) or month with data: texts, mean valence, mean ratings, check-ins held and skipped, commitments, and each emotion as the share of the period's texts that carry it."),
    ("Check-ins", "Every check-in as recorded; skipped ones (held = no) are evidence of avoidance, not missing data."),
    ("Signals", "Every pattern found, with its dates, strength (how strongly the data shows it, 0–100%) and evidence."),
    ("Rejects", "Records that could not be used, with file, line and reason (all of them are in rejects.csv)."),
    ("Statuses", "progress, setback, rushing, avoidance, plateau, insufficient-data; when several apply: rushing, then setback, avoidance, progress (see README). A status describes a pattern in what was written and rated; it is not a diagnosis."),
  ]
}
