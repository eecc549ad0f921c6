import TrustLensCore
import Foundation
import TrustLensTrends

/// Renders the text dashboard: per subject a status badge, weekly sparklines, bars for the
/// top emotions and themes, and the signals with their evidence.
///
/// Text from input (subject ids) is stripped of control characters, so escape sequences in
/// input never reach a terminal. Lines fit `width` columns.
public struct Dashboard: Sendable {
  public var width: Int
  public var ascii: Bool
  /// ANSI colour for the status badges and signal markers (only for terminals).
  public var color: Bool
  public var templates: Templates

  public init(width: Int = 80, ascii: Bool = false, color: Bool = false, templates: Templates) {
    self.width = max(width, 40)
    self.ascii = ascii
    self.color = color
    self.templates = templates
  }

  public func render(_ report: Report) throws -> String {
    let c = report.counts
    let model: [String: Any] = [
      "title": "TrustLens · \(clean(report.pipeline))\(report.asOf.map { " · as of \($0)" } ?? "") · \(report.subjects.count) \(report.subjects.count == 1 ? "subject" : "subjects")",
      "counts": "\(c.records) records: \(c.entries) entries, \(c.checkIns) check-ins, \(c.rejected) rejected, \(c.duplicates) duplicates",
      "subjects": try report.subjects.map(subjectModel),
      "hasOverview": report.subjects.count > 1,
      "outcomes": outcomeLines(CaseloadOutcomes(report.subjects.lazy.map(\.assessment))),
      "overview": overviewLines(report),
    ]
    var lines = templates.render(.dashboard, model).split(separator: "\n", omittingEmptySubsequences: false).map {
      fit(clean(String($0)))
    }
    if lines.last == "" { lines.removeLast() }
    var text = lines.joined(separator: "\n") + "\n"
    if ascii { text = Dashboard.asciify(text) }
    return color ? colorize(text) : text
  }

  /// The caseload's outcomes in two lines that fit 80 columns for caseloads of hundreds.
  func outcomeLines(_ o: CaseloadOutcomes) -> String {
    "RCI on the repair rating: \(o.improved) improved, \(o.deteriorated) deteriorated, \(o.unchanged) no reliable change\n"
      + "\(o.notMeasured) not measured; \(o.inactive) inactive"
  }

  /// The caseload overview: one line per subject, those needing attention first.
  func overviewLines(_ report: Report) -> [String] {
    guard report.subjects.count > 1 else { return [] }
    var lines = ["  " + pad("subject", 16) + pad("status", 19) + pad("concern", 9) + pad("last entry", 12) + pad("days", 6) + "check-ins"]
    for row in OverviewRow.rows(report) {
      let concern = row.concern > 0 ? "\(Int((row.concern * 100).rounded()))%" : "-"
      let checkIns = row.checkIns > 0 ? "\(row.checkInsHeld)/\(row.checkIns)" : "-"
      lines.append(
        "  " + pad(clean(row.subject), 16) + pad(row.status, 19) + pad(concern, 9) + pad(row.lastEntry?.description ?? "-", 12)
          + pad(row.daysSinceLastEntry.map(String.init) ?? "-", 6) + checkIns)
    }
    return lines
  }

  /// The view model of one subject: every line already laid out for the width.
  func subjectModel(_ subject: SubjectReport) throws -> [String: Any] {
    let a = subject.assessment
    let badge = "[ \(a.status.rawValue.uppercased()) ]"
    let name = clean(subject.displayName)
    let rule = "━"
    let fill = max(2, width - name.count - badge.count - 8)
    var facts = "\(a.from?.description ?? "?") → \(a.to?.description ?? "?") · \(a.entries) entries · \(a.checkIns) check-ins"
    if a.skippedCheckIns > 0 { facts += " (\(a.skippedCheckIns) skipped)" }
    if let previous = subject.previousStatus, previous != a.status.rawValue { facts += " · was \(previous)" }

    let weekly = try subject.weekly
    let sparkWidth = max(8, min(weekly.count, width - 30))
    let weeks = Array(weekly.suffix(sparkWidth))
    var charts: [String] = []
    for name in ["trust", "safety", "communication", "self_care", "mood"] {
      let values = weeks.map { $0.bucket.rating(name) }
      guard values.contains(where: { $0 != nil }) else { continue }
      charts.append("  \(pad(name, 14))\(spark(values, range: 0...10))  \(range(values))")
    }
    let valence = weeks.map { $0.bucket.texts > 0 ? $0.bucket.valenceSum / Double($0.bucket.texts) : nil }
    if valence.contains(where: { $0 != nil }) {
      charts.append("  \(pad("valence", 14))\(spark(valence, range: -1...1))  \(range(valence))")
    }
    var bars: [String] = []
    for (label, kind) in [("emotions", TagKind.emotion), ("themes", .theme)] {
      for (index, item) in SubjectReport.topTags(in: weekly, kind: kind, limit: 4).enumerated() {
        bars.append("  \(pad(index == 0 ? label : "", 9)) \(pad(item.tag, 15)) \(bar(item.share, width: 20)) \(Int((item.share * 100).rounded()))%")
      }
    }
    let signals: [[String: Any]] = a.signals.map { signal in
      let isNew = subject.newSignals.map { $0.contains(signal.kind) } ?? false
      let marker = signal.kind == "progress" ? "+" : "!"
      return [
        "head": "   \(marker) \(signal.kind)\(isNew ? " (new)" : "") \(signal.from) → \(signal.to), strength \(Int((signal.strength * 100).rounded()))%",
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
    var lines = ["  \(view.title): valence per day (▁ low … █ high, · no entry)", "    Mo  Tu  We  Th  Fr  Sa  Su"]
    for week in view.weeks {
      var line = "   "
      for day in week {
        guard let day else {
          line += "    "
          continue
        }
        let mark = view.dailyValence[day].map { spark([$0], range: -1...1) } ?? "·"
        let number = day.day < 10 ? " \(day.day)" : "\(day.day)"
        line += number + mark + " "
      }
      lines.append(line)
    }
    lines.append("  " + pad("month", 10) + pad("texts", 7) + pad("valence", 9) + pad("trust", 7) + "top emotions")
    for (start, bucket) in view.months {
      let valence = bucket.texts > 0 ? SVGChart.short(bucket.valenceSum / Double(bucket.texts), digits: 2) : "-"
      let trust = bucket.rating("trust").map { SVGChart.short($0) } ?? "-"
      let top = bucket.topEmotions(limit: 3).joined(separator: ", ")
      let label = "\(start.year)-\(start.month < 10 ? "0" : "")\(start.month)"
      lines.append("  " + pad(label, 10) + pad(String(bucket.texts), 7) + pad(valence, 9) + pad(trust, 7) + top)
    }
    for notable in view.notable {
      lines += wrap("\(notable.signal), \(notable.date.day): \(notable.evidence.joined(separator: "; ")) (\(notable.source))", indent: "  ★ ")
    }
    return lines
  }

  /// Colours the status badges and signal markers with ANSI escapes (input text was
  /// cleaned of escapes before, so only these reach the terminal).
  func colorize(_ text: String) -> String {
    let codes: [(String, String)] = [
      ("[ RUSHING ]", "1;41;97"), ("[ SETBACK ]", "1;41;97"), ("[ AVOIDANCE ]", "1;43;30"),
      ("[ PROGRESS ]", "1;42;30"), ("[ PLATEAU ]", "1;44;97"), ("[ INSUFFICIENT-DATA ]", "1;47;30"),
    ]
    var result = text
    for (badge, code) in codes { result = result.replacingOccurrences(of: badge, with: "\u{1B}[\(code)m\(badge)\u{1B}[0m") }
    return result.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      if line.hasPrefix("   ! ") { return "   \u{1B}[1;31m!\u{1B}[0m " + line.dropFirst(5) }
      if line.hasPrefix("   + ") { return "   \u{1B}[1;32m+\u{1B}[0m " + line.dropFirst(5) }
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

  func spark(_ values: [Double?], range: ClosedRange<Double>) -> String {
    let levels: [Character] = ascii ? Array("_.-=^#") : Array("▁▂▃▄▅▆▇█")
    return String(values.map { value -> Character in
      guard let value else { return " " }
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
    return "\(short(first)) \(ascii ? "->" : "→") \(short(last))"
  }

  private func short(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
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
