import TrustLensCore
import TrustLensTrends

extension WorkbookRenderer {
  // MARK: Weekly and Monthly

  func writeRollup(
    _ report: Report, period: Period, _ layout: RollupLayout, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook,
    _ styles: Styles
  ) throws {
    let headers = ["Subject", period == .week ? "Week (Monday)" : "Month"] + RollupLayout.measures + Taxonomy.emotions
    try workbook.setColumn(sheet, first: 0, last: 0, width: 14)
    try workbook.setColumn(sheet, first: 1, last: 1, width: 13)
    try workbook.setColumn(sheet, first: 2, last: headers.count - 1, width: 11)
    try header(headers, sheet, workbook, styles)
    workbook.freeze(sheet, rows: 1, columns: 2)
    var row = 0
    for subject in report.subjects {
      for (start, bucket) in try period == .week ? subject.weekly : subject.monthly {
        row += 1
        try workbook.write(subject.displayName, sheet, row: row, column: 0)
        try workbook.write(XlsxWorkbook.serial(RecordDate(day: start)), sheet, row: row, column: 1, styles.date)
        try workbook.write(Double(bucket.texts), sheet, row: row, column: 2)
        try workbook.write(Double(bucket.entries), sheet, row: row, column: 3)
        if bucket.texts > 0 { try workbook.write(bucket.valenceSum / Double(bucket.texts), sheet, row: row, column: 4, styles.number2) }
        for (offset, name) in ["trust", "safety", "communication", "self_care", "mood"].enumerated() {
          if let value = bucket.rating(name) { try workbook.write(value, sheet, row: row, column: 5 + offset, styles.number2) }
        }
        try workbook.write(Double(bucket.checkInsHeld), sheet, row: row, column: 10)
        try workbook.write(Double(bucket.checkInsSkipped), sheet, row: row, column: 11)
        if bucket.commitmentsMade > 0 || bucket.commitmentsKept > 0 {
          try workbook.write(bucket.commitmentsMade, sheet, row: row, column: 12)
          try workbook.write(bucket.commitmentsKept, sheet, row: row, column: 13)
        }
        for (index, emotion) in Taxonomy.emotions.enumerated() {
          let value = bucket.meanIntensity(of: emotion)
          try workbook.write(value, sheet, row: row, column: RollupLayout.emotionColumn + index, styles.intensity)
        }
      }
    }
    try workbook.autofilter(sheet, lastRow: max(row, 1), lastColumn: headers.count - 1)
    if row > 0 { try workbook.colorScale(sheet, firstRow: 1, firstColumn: 4, lastRow: row, lastColumn: 4, threeColors: true) }
  }

  // MARK: Check-ins

  func writeCheckIns(
    _ records: some RecordSource, _ subject: String?, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles
  ) throws {
    let ratings = ["trust", "communication", "safety", "self_care", "mood"]
    let headers = ["Date", "Subject", "Held"] + ratings + ["Commitments made", "Commitments kept", "Other measures", "Note", "Source", "ID"]
    try workbook.setColumn(sheet, first: 0, last: 0, width: 16)
    try workbook.setColumn(sheet, first: 1, last: 2, width: 12)
    try workbook.setColumn(sheet, first: 3, last: 9, width: 11)
    try workbook.setColumn(sheet, first: 10, last: 11, width: 40)
    try workbook.setColumn(sheet, first: 12, last: 13, width: 24)
    try header(headers, sheet, workbook, styles)
    workbook.freeze(sheet, rows: 1, columns: 0)
    var row = 0
    try records.forEachCheckIn(subject: subject) { checkIn in
      row += 1
      let dateFormat = checkIn.date.secondsOfDay == nil ? styles.date : styles.dateTime
      try workbook.write(XlsxWorkbook.serial(checkIn.date), sheet, row: row, column: 0, dateFormat)
      try workbook.write(checkIn.subject, sheet, row: row, column: 1)
      try workbook.write(checkIn.held ? "held" : "skipped", sheet, row: row, column: 2)
      for (offset, name) in ratings.enumerated() {
        if let value = checkIn.ratings[name] { try workbook.write(value, sheet, row: row, column: 3 + offset) }
      }
      if let made = checkIn.commitmentsMade { try workbook.write(made, sheet, row: row, column: 8) }
      if let kept = checkIn.commitmentsKept { try workbook.write(kept, sheet, row: row, column: 9) }
      let others = checkIn.ratings.filter { !ratings.contains($0.key) }.sorted { $0.key < $1.key }
      if !others.isEmpty {
        try workbook.write(others.map { "\($0.key) = \($0.value)" }.joined(separator: "; "), sheet, row: row, column: 10)
      }
      if let note = checkIn.note { try workbook.write(note, sheet, row: row, column: 11) }
      try workbook.write(checkIn.source.description, sheet, row: row, column: 12)
      try workbook.write(checkIn.id, sheet, row: row, column: 13)
    }
    try workbook.autofilter(sheet, lastRow: max(row, 1), lastColumn: headers.count - 1)
  }

  // MARK: Signals, Rejects, About

  func writeSignals(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    try workbook.setColumn(sheet, first: 0, last: 1, width: 16)
    try workbook.setColumn(sheet, first: 2, last: 3, width: 12)
    try workbook.setColumn(sheet, first: 4, last: 5, width: 10)
    try workbook.setColumn(sheet, first: 6, last: 6, width: 100)
    try header(["Subject", "Signal", "From", "To", "Strength", "Status", "Evidence"], sheet, workbook, styles)
    workbook.freeze(sheet, rows: 1, columns: 0)
    var row = 0
    for subject in report.subjects {
      for signal in subject.assessment.signals {
        row += 1
        try workbook.write(subject.displayName, sheet, row: row, column: 0)
        try workbook.write(signal.kind, sheet, row: row, column: 1)
        try workbook.write(XlsxWorkbook.serial(RecordDate(day: signal.from)), sheet, row: row, column: 2, styles.date)
        try workbook.write(XlsxWorkbook.serial(RecordDate(day: signal.to)), sheet, row: row, column: 3, styles.date)
        try workbook.write(signal.strength, sheet, row: row, column: 4, styles.percent)
        try workbook.write(subject.assessment.status.rawValue, sheet, row: row, column: 5)
        try workbook.write(signal.evidence.joined(separator: "; "), sheet, row: row, column: 6, styles.wrap)
      }
    }
    try workbook.autofilter(sheet, lastRow: max(row, 1), lastColumn: 6)
  }

  func writeRejects(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    try workbook.setColumn(sheet, first: 0, last: 0, width: 50)
    try workbook.setColumn(sheet, first: 1, last: 1, width: 8)
    try workbook.setColumn(sheet, first: 2, last: 2, width: 70)
    try header(["File", "Line", "Reason"], sheet, workbook, styles)
    for (index, reject) in report.rejects.enumerated() {
      try workbook.write(reject.source.file, sheet, row: index + 1, column: 0)
      try workbook.write(Double(reject.source.line), sheet, row: index + 1, column: 1)
      try workbook.write(reject.reason, sheet, row: index + 1, column: 2)
    }
    if report.counts.rejected > report.rejects.count {
      try workbook.write(
        "… \(report.counts.rejected - report.rejects.count) more in rejects.csv", sheet,
        row: report.rejects.count + 1, column: 0, styles.muted)
    }
  }

  func writeAbout(_ report: Report, _ sheet: XlsxWorkbook.Sheet, _ workbook: XlsxWorkbook, _ styles: Styles) throws {
    try workbook.setColumn(sheet, first: 0, last: 0, width: 24)
    try workbook.setColumn(sheet, first: 1, last: 1, width: 100)
    let c = report.counts
    let rows: [(String, String)] = [
      ("Pipeline", report.pipeline + (report.pipelinePath.map { " (\($0))" } ?? "")),
      ("As of", report.asOf?.description ?? "—"),
      ("Time zone", report.timeZone.isEmpty ? "—" : report.timeZone),
      ("Lexicons", report.lexicons.joined(separator: ", ")),
      ("Records", "\(c.records) = \(c.entries) entries + \(c.checkIns) check-ins + \(c.rejected) rejected + \(c.duplicates) duplicates"),
      ("Texts analysed", "\(c.analyzed) (entries and check-in notes); reused from earlier runs: \(c.reused)"),
      ("", ""),
      ("How to read", ""),
      ("Summary", "One block per subject: the status with the reasons for it, every signal with its evidence, the measures (first, last, Sen's slope per week, Mann-Kendall p, reliable change index) and weekly charts."),
      ("Entries", "One row per analysed text: valence in [-1, 1] (red to green), one column per tag with its intensity in (0, 1] (blank = absent), and the words that produced each tag."),
      ("Weekly / Monthly", "Per subject and ISO week (Monday) or month: texts, mean valence, mean ratings, check-ins held and skipped, commitments, and each emotion's mean intensity per text."),
      ("Check-ins", "Every check-in as recorded; skipped ones (held = no) are evidence of avoidance, not missing data."),
      ("Signals", "Every pattern found, with its dates, strength and evidence."),
      ("Rejects", "Records that could not be used, with file, line and reason (all of them are in rejects.csv)."),
      ("Statuses", "progress, setback, rushing, avoidance, plateau, insufficient-data; when several apply: rushing, then setback, avoidance, progress (see README)."),
    ]
    for (index, (key, value)) in rows.enumerated() {
      try workbook.write(key, sheet, row: index, column: 0, styles.bold)
      if !value.isEmpty { try workbook.write(value, sheet, row: index, column: 1, styles.wrap) }
    }
  }
}
