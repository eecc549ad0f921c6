import Foundation
import TrustLensCore
import TrustLensTrends

/// `report.html`: one self-contained page (inline SVG charts, no scripts, nothing from the
/// network) from the `report.html.mustache` template. Mustache escapes every text value for
/// HTML; only the SVG and the inline styles built here are inserted raw, and they hold only
/// numbers, colours and escaped text.
package struct HTMLReport: Sendable {
  package var templates: Templates

  package init(templates: Templates) {
    self.templates = templates
  }

  /// Each subject's section has an id (`subject-1`, `subject-2`… in report order) that its
  /// overview row links to. A caseload's head states its outcomes (``CaseloadOutcomes``).
  package func render(_ report: Report) throws -> String {
    var anchors: [String: String] = [:]
    for (index, subject) in report.subjects.enumerated() {
      for name in [subject.displayName, subject.assessment.subject] where anchors[name] == nil { anchors[name] = "subject-\(index + 1)" }
    }
    let model = Templates.headerModel(report).merging([
      "subjects": try report.subjects.enumerated().map { try subjectModel($1, anchor: "subject-\($0 + 1)") },
      "hasOverview": report.subjects.count > 1,
      "outcomes": report.outcomes.sentence,
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

  /// A subject's section: the status and its Why, charts on the subject's weeks, its
  /// emotions and themes, signals, measures and, in a monthly report, the month view. Every
  /// sentence is shown once: a Why repeated by a later sentence, or a signal's evidence
  /// already shown above, is left out.
  func subjectModel(_ subject: SubjectReport, anchor: String) throws -> [String: Any] {
    let a = subject.assessment
    let weekly = try subject.weekly
    var shown = Set<String>()
    let why = (a.statusEvidence + subject.changes).filter { shown.insert($0).inserted }
    let tags = HTMLReport.tagRows(weekly)
    return [
      "anchor": anchor, "name": subject.displayName, "status": a.status.rawValue, "period": a.periodText(),
      "why": why, "charts": HTMLReport.charts(weekly),
      "tags": tags, "hasTags": !tags.isEmpty,
      "signals": a.signals.map { signal -> [String: Any] in
        let evidence = signal.evidence.filter { shown.insert($0).inserted }
        return [
          "kind": signal.kind, "from": signal.from.description, "to": signal.to.description,
          "strength": NumberText.percent(signal.strength), "hasEvidence": !evidence.isEmpty, "evidence": evidence,
        ]
      },
      "hasMetrics": !a.metrics.isEmpty,
      "metrics": a.orderedMetrics.map { name, m -> [String: Any] in
        [
          "name": name, "first": SVGChart.short(m.first), "last": SVGChart.short(m.last),
          "slope": m.slopePerWeek.map { SVGChart.short($0, digits: 2) } ?? "—",
          "p": m.trendP.map(NumberText.pValue) ?? "—",
        ]
      },
      "hasMonth": subject.month != nil,
      "month": subject.month.map(HTMLReport.monthModel) ?? [:],
    ]
  }

  /// The charts of a subject's weeks (``WeekAxis``, gaps kept): every rating it has (0–10),
  /// the mean valence (−1 to 1), and its four strongest emotions as the share of each week's
  /// texts carrying them (0–100%), each with its text alternative.
  static func charts(_ weekly: [(start: LocalDay, bucket: DayBucket)]) -> [[String: Any]] {
    let axis = WeekAxis.weeks(weekly)
    let weeks = axis.map(\.start)
    var charts: [SVGChart] = []
    let ratings = Rating.allCases.compactMap { rating -> SVGChart.Series? in
      let values = axis.map { $0.bucket?.rating(rating.rawValue) }
      return values.contains { $0 != nil } ? SVGChart.Series(name: rating.label, values: values) : nil
    }
    if !ratings.isEmpty {
      charts.append(SVGChart(title: "Weekly ratings (mean, 0–10)", weeks: weeks, series: ratings, range: 0...10, ticks: [0, 2, 4, 6, 8, 10]))
    }
    let valence = SVGChart.Series(name: "valence", values: axis.map { $0.bucket?.meanValence })
    if valence.values.contains(where: { $0 != nil }) {
      charts.append(
        SVGChart(
          title: "Valence (weekly mean, −1 to 1)", weeks: weeks, series: [valence], range: -1...1, ticks: [-1, -0.5, 0, 0.5, 1],
          tickLabel: { SVGChart.short($0, digits: 2) }))
    }
    let emotions = SubjectReport.topTags(in: weekly, kind: .emotion, limit: 4).map { item in
      SVGChart.Series(
        name: item.tag,
        values: axis.map { week -> Double? in
          guard let bucket = week.bucket, bucket.texts > 0 else { return nil }
          return Double(bucket.tagCounts[item.tag] ?? 0) / Double(bucket.texts)
        })
    }
    if !emotions.isEmpty {
      charts.append(
        SVGChart(
          title: "Emotions (share of the week's texts)", weeks: weeks, series: emotions, range: 0...1, ticks: [0, 0.25, 0.5, 0.75, 1],
          tickLabel: NumberText.percent))
    }
    return charts.map { ["svg": $0.render(), "caption": $0.describe()] }
  }

  /// The subject's four strongest emotions and four strongest themes, each with the share of
  /// its texts that carry it (the dashboard's bars), as rows with a bar width in percent.
  static func tagRows(_ weekly: [(start: LocalDay, bucket: DayBucket)]) -> [[String: Any]] {
    [("emotions", TagKind.emotion), ("themes", .theme)].flatMap { label, kind in
      SubjectReport.topTags(in: weekly, kind: kind, limit: 4).enumerated().map { index, item -> [String: Any] in
        [
          "kind": index == 0 ? label : "", "tag": item.tag, "share": NumberText.percent(item.share),
          "width": String(format: "%.1f", min(max(item.share, 0), 1) * 100),
        ]
      }
    }
  }
}
