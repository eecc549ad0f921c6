import Foundation
import TrustLensCore
import TrustLensTrends

/// `report.html`: one self-contained page (inline SVG charts, no scripts, nothing from the
/// network) from the `report.html.mustache` template. Mustache escapes every text value for
/// HTML; only the SVG built here is inserted raw, and it holds only numbers and escaped text.
public struct HTMLReport: Sendable {
  public var templates: Templates

  public init(templates: Templates) {
    self.templates = templates
  }

  /// Each subject's section has an id (`subject-1`, `subject-2`… in report order) that its
  /// overview row links to.
  public func render(_ report: Report) throws -> String {
    var anchors: [String: String] = [:]
    for (index, subject) in report.subjects.enumerated() {
      for name in [subject.displayName, subject.assessment.subject] where anchors[name] == nil { anchors[name] = "subject-\(index + 1)" }
    }
    let model = Templates.headerModel(report).merging([
      "subjects": try report.subjects.enumerated().map { try subjectModel($1, anchor: "subject-\($0 + 1)") },
      "hasOverview": report.subjects.count > 1,
      "overview": OverviewRow.rows(report).map { row -> [String: Any] in
        [
          "anchor": anchors[row.subject] ?? "", "name": row.subject, "status": row.status, "signals": row.signals.joined(separator: ", "),
          "concern": row.concern > 0 ? "\(Int((row.concern * 100).rounded()))%" : "—",
          "lastEntry": row.lastEntry?.description ?? "—", "days": row.daysSinceLastEntry.map(String.init) ?? "—",
          "checkIns": row.checkIns > 0 ? "\(row.checkInsHeld) of \(row.checkIns)" : "—",
        ]
      },
    ]) { $1 }
    return templates.render(.html, model)
  }

  /// A subject's section. A signal's evidence that the status's Why already lists is not
  /// repeated under it.
  func subjectModel(_ subject: SubjectReport, anchor: String) throws -> [String: Any] {
    let a = subject.assessment
    var charts: [[String: Any]] = []
    let weeks = try subject.weekly
    let ratings = Rating.allCases.compactMap { rating -> SVGChart.Series? in
      let values = weeks.map { $0.bucket.rating(rating.rawValue) }
      return values.contains { $0 != nil } ? SVGChart.Series(name: rating.label, values: values) : nil
    }
    if !ratings.isEmpty {
      charts.append([
        "svg": SVGChart(title: "Weekly ratings", series: ratings, range: 0...10).render(),
        "caption": SVGChart.describe("Weekly ratings", ratings, weeks.map(\.start)),
      ])
    }
    let valence = SVGChart.Series(
      name: "valence", values: weeks.map { $0.bucket.texts > 0 ? $0.bucket.valenceSum / Double($0.bucket.texts) : nil })
    if valence.values.contains(where: { $0 != nil }) {
      charts.append([
        "svg": SVGChart(title: "Valence (mean per week)", series: [valence], range: -1...1).render(),
        "caption": SVGChart.describe("Valence", [valence], weeks.map(\.start)),
      ])
    }
    let why = a.statusEvidence + subject.changes, shown = Set(why)
    let period = "\(a.from?.description ?? "—") to \(a.to?.description ?? "—") · "
      + "\(NumberText.count(a.entries, "entry", "entries")) · \(NumberText.count(a.checkIns, "check-in")) "
      + "(\(a.skippedCheckIns) skipped) · last entry \(a.lastEntry?.description ?? "—")"
    return [
      "anchor": anchor, "name": subject.displayName, "status": a.status.rawValue, "period": period,
      "why": why, "charts": charts,
      "signals": a.signals.map { signal -> [String: Any] in
        let evidence = signal.evidence.filter { !shown.contains($0) }
        return [
          "kind": signal.kind, "from": signal.from.description, "to": signal.to.description,
          "strength": NumberText.percent(signal.strength), "hasEvidence": !evidence.isEmpty, "evidence": evidence,
        ]
      },
      "hasMetrics": !a.metrics.isEmpty,
      "metrics": a.metrics.sorted { $0.key < $1.key }.map { name, m -> [String: Any] in
        [
          "name": name, "first": SVGChart.short(m.first), "last": SVGChart.short(m.last),
          "slope": m.slopePerWeek.map { SVGChart.short($0, digits: 2) } ?? "—",
          "p": m.trendP.map(NumberText.pValue) ?? "—",
        ]
      },
    ]
  }
}

/// A small line chart as inline SVG with a title for screen readers.
struct SVGChart {
  struct Series {
    var name: String
    var values: [Double?]
  }

  let title: String
  let series: [Series]
  let range: ClosedRange<Double>
  /// One colour per series: the five ratings never share one.
  static let colors = ["#2f6db5", "#c0392b", "#27ae60", "#8e44ad", "#d35400"]

  func render() -> String {
    let width = 340.0, height = 170.0, left = 34.0, right = 8.0, top = 22.0, bottom = 30.0
    let plotWidth = width - left - right, plotHeight = height - top - bottom
    let count = max(series.map(\.values.count).max() ?? 1, 2)
    func x(_ index: Int) -> Double { left + plotWidth * Double(index) / Double(count - 1) }
    func y(_ value: Double) -> Double {
      top + plotHeight * (1 - (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / (range.upperBound - range.lowerBound))
    }
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
    svg += "<title>\(HTMLText.escape(title))</title>"
    svg += "<text x=\"\(left)\" y=\"14\" font-size=\"12\" font-weight=\"600\">\(HTMLText.escape(title))</text>"
    for tick in [range.lowerBound, (range.lowerBound + range.upperBound) / 2, range.upperBound] {
      svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\" stroke=\"#ddd\"/>"
      svg += "<text x=\"\(left - 4)\" y=\"\(f(y(tick) + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#666\">\(SVGChart.short(tick))</text>"
    }
    // Legend items side by side, each as wide as its name (about 6 px a character at 10 px, the ■ included in the 12).
    var legendX = left
    for (index, item) in series.enumerated() {
      let color = SVGChart.colors[index % SVGChart.colors.count]
      var segments: [[String]] = [[]]
      for (i, value) in item.values.enumerated() {
        if let value { segments[segments.count - 1].append("\(f(x(i))),\(f(y(value)))") } else if !segments[segments.count - 1].isEmpty { segments.append([]) }
      }
      for segment in segments where !segment.isEmpty {
        svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(segment.joined(separator: " "))\"/>"
        if segment.count == 1 {
          let xy = segment[0].split(separator: ",")
          svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2.5\" fill=\"\(color)\"/>"
        }
      }
      svg += "<text x=\"\(f(legendX))\" y=\"\(f(height - 8))\" font-size=\"10\" fill=\"\(color)\">■ \(HTMLText.escape(item.name))</text>"
      legendX += 12 + 6 * Double(item.name.count)
    }
    return svg + "</svg>"
  }

  /// The chart's text alternative: first and last value of each series, with dates.
  static func describe(_ title: String, _ series: [Series], _ weeks: [LocalDay]) -> String {
    let parts = series.compactMap { item -> String? in
      let present = zip(weeks, item.values).compactMap { week, value in value.map { (week, $0) } }
      guard let first = present.first, let last = present.last else { return nil }
      return "\(item.name) \(short(first.1)) (week of \(first.0)) to \(short(last.1)) (week of \(last.0))"
    }
    return "\(title): " + parts.joined(separator: "; ")
  }

  private func f(_ value: Double) -> String { String(format: "%.1f", value) }

  static func short(_ value: Double, digits: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}

/// HTML escaping for text placed inside markup built in Swift.
enum HTMLText {
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}
