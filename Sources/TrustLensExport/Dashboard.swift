import TrustLensCore
import Foundation
import TrustLensTrends

/// Renders the text dashboard: the caseload overview (statuses in colour on a terminal), per
/// subject a status badge, weekly sparklines, bars for the top emotions and themes, and the
/// signals with their evidence.
///
/// A subject's sparklines share one weekly time base (``WeekAxis``: one cell per week, the
/// last weeks that fit), so a week without a value is a visible gap (`·`, `.` in ASCII) at
/// the same place in every line; the legend under the counts says what the glyphs mean.
/// Text from input (subject ids) is stripped of control characters, so escape sequences in
/// input never reach a terminal. Lines fit `width` columns.
package struct Dashboard: Sendable {
  package var width: Int
  package var ascii: Bool
  /// ANSI colour for the status badges and signal markers (only for terminals).
  package var color: Bool
  package var templates: Templates

  package init(width: Int = 80, ascii: Bool = false, color: Bool = false, templates: Templates) {
    self.width = max(width, 40)
    self.ascii = ascii
    self.color = color
    self.templates = templates
  }

  package func render(_ report: Report) throws -> String {
    let overview = overviewRows(report)
    let model: [String: Any] = [
      "title": "TrustLens · \(clean(report.pipeline))\(report.asOf.map { " · as of \($0)" } ?? "") · \(NumberText.count(report.subjects.count, "subject"))",
      "counts": RunCountsText.list(report.counts),
      "legend": legend,
      "subjects": try report.subjects.map(subjectModel),
      "hasOverview": report.subjects.count > 1,
      "outcomes": outcomeLines(report.outcomes),
      "overview": overview.map(\.line),
    ]
    var lines = templates.render(.dashboard, model).split(separator: "\n", omittingEmptySubsequences: false).map {
      fit(clean(String($0)))
    }
    if lines.last == "" { lines.removeLast() }
    var text = lines.joined(separator: "\n") + "\n"
    if ascii { text = Dashboard.asciify(text) }
    return color ? colorize(text, overview: overview) : text
  }

  /// The caseload's outcomes in two lines that fit 80 columns for caseloads of hundreds.
  func outcomeLines(_ o: CaseloadOutcomes) -> String {
    "RCI on the repair rating: \(o.improved) improved, \(o.deteriorated) deteriorated, \(o.unchanged) no reliable change\n"
      + "\(o.notMeasured) not measured; \(o.inactive) inactive"
  }

  /// What the sparkline and bar glyphs mean, on two lines so that 80 columns show it whole.
  var legend: String {
    let levels = ascii ? Dashboard.asciiLevels : Dashboard.levels
    return "  one cell per week: \(levels.first.map(String.init) ?? "") low … \(levels.last.map(String.init) ?? "") high"
      + " (ratings 0-10, valence -1 to 1),\n  \(gap) no value that week; bars: share of texts"
  }

  /// The caseload overview: one line per subject, those needing attention first, each with
  /// where its status sits in the line (for colour).
  func overviewRows(_ report: Report) -> [(line: String, status: String?, statusColumn: Int)] {
    guard report.subjects.count > 1 else { return [] }
    let head = "  " + pad("subject", 16) + pad("status", 19) + pad("concern", 9) + pad("last entry", 12) + pad("days", 6) + "check-ins"
    var rows: [(line: String, status: String?, statusColumn: Int)] = [(head, nil, 0)]
    for row in OverviewRow.rows(report) {
      let concern = row.concern > 0 ? NumberText.percent(row.concern) : "-"
      let checkIns = row.checkIns > 0 ? "\(row.checkInsHeld)/\(row.checkIns)" : "-"
      let subject = pad(clean(row.subject), 16)
      rows.append(
        (
          "  " + subject + pad(row.status, 19) + pad(concern, 9) + pad(row.lastEntry?.description ?? "-", 12)
            + pad(row.daysSinceLastEntry.map(String.init) ?? "-", 6) + checkIns, row.status, 2 + subject.count
        ))
    }
    return rows
  }

  /// The view model of one subject: every line already laid out for the width.
  func subjectModel(_ subject: SubjectReport) throws -> [String: Any] {
    let a = subject.assessment
    let badge = "[ \(a.status.rawValue.uppercased()) ]"
    let name = clean(subject.displayName)
    let rule = "━"
    let fill = max(2, width - name.count - badge.count - 8)
    var facts = a.periodText(arrow: "→")
    if let previous = subject.previousStatus, previous != a.status.rawValue { facts += " · was \(previous)" }

    let weekly = try subject.weekly
    // One time base for every line: the last weeks that fit, empty weeks included.
    let allWeeks = WeekAxis.weeks(weekly)
    let weeks = Array(allWeeks.suffix(max(8, width - 32)))
    var charts: [String] = []
    if weeks.count < allWeeks.count, let first = weeks.first?.start {
      charts.append("  \(pad("", 14))last \(NumberText.count(weeks.count, "week")), from \(first)")
    }
    for rating in Rating.allCases {
      let values = weeks.map { $0.bucket?.rating(rating.rawValue) }
      guard values.contains(where: { $0 != nil }) else { continue }
      charts.append("  \(pad(rating.rawValue, 14))\(spark(values, range: 0...10))  \(range(values))")
    }
    let valence = weeks.map { $0.bucket?.meanValence }
    if valence.contains(where: { $0 != nil }) {
      charts.append("  \(pad("valence", 14))\(spark(valence, range: -1...1))  \(range(valence))")
    }
    var bars: [String] = []
    for (label, kind) in [("emotions", TagKind.emotion), ("themes", .theme)] {
      for (index, item) in SubjectReport.topTags(in: weekly, kind: kind, limit: 4).enumerated() {
        bars.append("  \(pad(index == 0 ? label : "", 9)) \(pad(item.tag, 15)) \(bar(item.share, width: 20)) \(NumberText.percent(item.share))")
      }
    }
    let signals: [[String: Any]] = a.signals.map { signal in
      let isNew = subject.newSignals.map { $0.contains(signal.kind) } ?? false
      let marker = signal.kind == "progress" ? "+" : "!"
      return [
        "head": "   \(marker) \(signal.kind)\(isNew ? " (new)" : "") \(signal.from) → \(signal.to), strength \(NumberText.percent(signal.strength))",
        "evidence": signal.evidence.flatMap { wrap($0, indent: "       ") },
      ]
    }
    return [
      "month": subject.month.map(monthLines) ?? [],
      "header": "\(rule)\(rule) \(name) \(String(repeating: rule, count: fill)) \(badge) \(rule)\(rule)",
      "facts": "  " + facts,
      "why": a.statusEvidence.flatMap { wrap($0, indent: "  · ") },
      "charts": charts,
      "bars": bars,
      "changes": subject.changes.flatMap { wrap($0, indent: "  Δ ") },
      "hasSignals": !a.signals.isEmpty,
      "signals": signals,
    ]
  }

  /// The monthly trend sheet in text: a calendar of daily valence (a shade per day, `·`
  /// without writing), the month against the months before it, and the notable entries.
  func monthLines(_ view: MonthView) -> [String] {
    let levels = ascii ? Dashboard.asciiLevels : Dashboard.levels
    let key = "\(levels.first.map(String.init) ?? "") low … \(levels.last.map(String.init) ?? "") high, \(gap) no entry"
    var lines = ["  \(view.title): valence per day (\(key))", "    Mo  Tu  We  Th  Fr  Sa  Su"]
    for week in view.weeks {
      var line = "   "
      for day in week {
        guard let day else {
          line += "    "
          continue
        }
        let mark = view.dailyValence[day].map { spark([$0], range: -1...1) } ?? String(gap)
        let number = day.day < 10 ? " \(day.day)" : "\(day.day)"
        line += number + mark + " "
      }
      lines.append(line)
    }
    lines.append("  " + pad("month", 10) + pad("texts", 7) + pad("valence", 9) + pad("trust", 7) + "top emotions")
    for (start, bucket) in view.months {
      let valence = bucket.meanValence.map { NumberText.short($0, digits: 2) } ?? "-"
      let trust = bucket.rating(Rating.trust.rawValue).map { NumberText.short($0) } ?? "-"
      let top = bucket.topEmotions(limit: 3).joined(separator: ", ")
      lines.append("  " + pad(WeekAxis.monthLabel(start), 10) + pad(String(bucket.texts), 7) + pad(valence, 9) + pad(trust, 7) + top)
    }
    for notable in view.notable {
      lines += wrap("\(notable.signal), \(notable.date.day): \(notable.evidence.joined(separator: "; ")) (\(notable.source))", indent: "  ★ ")
    }
    return lines
  }

  /// ANSI colours of each status: the badge's background, and the overview's text colour.
  static let statusColors: [String: (badge: String, text: String)] = [
    "rushing": ("1;41;97", "1;31"), "setback": ("1;41;97", "1;31"), "avoidance": ("1;43;30", "1;33"),
    "progress": ("1;42;30", "1;32"), "plateau": ("1;44;97", "1;34"), "insufficient-data": ("1;47;30", "2"),
  ]

  /// Colours the status badges, the overview's status column and the signal markers with
  /// ANSI escapes (input text was cleaned of escapes before, so only these reach the
  /// terminal).
  func colorize(_ text: String, overview: [(line: String, status: String?, statusColumn: Int)] = []) -> String {
    var result = text
    for (status, codes) in Dashboard.statusColors.sorted(by: { $0.key < $1.key }) {
      let badge = "[ \(status.uppercased()) ]"
      result = result.replacingOccurrences(of: badge, with: "\u{1B}[\(codes.badge)m\(badge)\u{1B}[0m")
    }
    var statusAt: [String: (status: String, column: Int)] = [:]
    for row in overview {
      if let status = row.status { statusAt[fit(clean(row.line))] = (status, row.statusColumn) }
    }
    return result.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      if line.hasPrefix("   ! ") { return "   \u{1B}[1;31m!\u{1B}[0m " + line.dropFirst(5) }
      if line.hasPrefix("   + ") { return "   \u{1B}[1;32m+\u{1B}[0m " + line.dropFirst(5) }
      if let (status, column) = statusAt[String(line)], let codes = Dashboard.statusColors[status], line.count >= column + status.count {
        let start = line.index(line.startIndex, offsetBy: column), end = line.index(start, offsetBy: status.count)
        return line[..<start] + "\u{1B}[\(codes.text)m\(status)\u{1B}[0m" + line[end...]
      }
      return String(line)
    }.joined(separator: "\n")
  }

  /// The text with typographic symbols spelled in ASCII and anything else non-ASCII as `?`.
  static func asciify(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "·", "—", "–": result += "-"
      case "→": result += "->"
      case "…": result += "..."
      case "━": result += "="
      case "Δ": result += "~"
      case "‘", "’": result += "'"
      case "“", "”": result += "\""
      default: result += scalar.isASCII ? String(scalar) : "?"
      }
    }
    return result
  }

  // MARK: Drawing

  static let levels = Array("▁▂▃▄▅▆▇█")
  static let asciiLevels = Array("_-=+*#")
  /// A week without a value.
  var gap: Character { ascii ? "." : "·" }

  func spark(_ values: [Double?], range: ClosedRange<Double>) -> String {
    let levels = ascii ? Dashboard.asciiLevels : Dashboard.levels
    return String(values.map { value -> Character in
      guard let value else { return gap }
      let t = (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / (range.upperBound - range.lowerBound)
      return levels[min(levels.count - 1, Int(t * Double(levels.count - 1) + 0.5))]
    })
  }

  func bar(_ share: Double, width: Int) -> String {
    let filled = Int((min(max(share, 0), 1) * Double(width)).rounded())
    return String(repeating: ascii ? "#" : "█", count: filled)
      + String(repeating: ascii ? "." : "░", count: width - filled)
  }

  private func range(_ values: [Double?]) -> String {
    let present = values.compactMap { $0 }
    guard let first = present.first, let last = present.last else { return "" }
    return "\(NumberText.short(first)) \(ascii ? "->" : "→") \(NumberText.short(last))"
  }

  private func pad(_ text: String, _ count: Int) -> String {
    text.count >= count ? text + " " : text + String(repeating: " ", count: count - text.count)
  }

  /// Cuts a line to the width (with `…`).
  func fit(_ line: String) -> String {
    line.count <= width ? line : String(line.prefix(width - 1)) + (ascii ? "~" : "…")
  }

  /// Wraps a sentence at spaces to the width, with `indent` on the first line and spaces
  /// of the same length after.
  func wrap(_ text: String, indent: String) -> [String] {
    let available = max(10, width - indent.count)
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty, current.count + 1 + word.count > available {
        lines.append(current)
        current = ""
      }
      current += current.isEmpty ? String(word) : " " + word
    }
    if !current.isEmpty { lines.append(current) }
    let continuation = String(repeating: " ", count: indent.count)
    return lines.enumerated().map { fit(($0.offset == 0 ? indent : continuation) + $0.element) }
  }

  /// Text from input with its controls escaped (escape sequences cannot reach a terminal).
  func clean(_ text: String) -> String { TerminalText.escaped(text) }
}
