import Foundation
import TrustLensCore

/// A small line chart over a subject's weeks as inline SVG (no script), for `report.html`.
///
/// The x axis is a date axis: one position per ISO week (``WeekAxis``: empty weeks are gaps in
/// the line, never squeezed out), labelled with the weeks' Mondays on short spans and with
/// months (the year under each January and under the first label) on longer ones. The y axis
/// has a labelled gridline at each of `ticks`. A point without a neighbour gets a marker. The
/// SVG scales down to the width of a phone (`max-width: 100%`).
struct SVGChart {
  struct Series {
    var name: String
    /// One value per week of ``SVGChart/weeks``, `nil` for a week without one.
    var values: [Double?]
  }

  let title: String
  /// The Mondays of consecutive ISO weeks, oldest first.
  let weeks: [LocalDay]
  let series: [Series]
  let range: ClosedRange<Double>
  /// The values with a gridline and a label, inside `range`.
  let ticks: [Double]
  /// A tick's label (`5`, `0.5`, `25%`).
  var tickLabel: (Double) -> String = { SVGChart.short($0) }

  /// One colour per series: the five ratings never share one.
  static let colors = ["#2f6db5", "#c0392b", "#27ae60", "#8e44ad", "#d35400"]
  static let width = 340.0, height = 200.0
  static let left = 34.0, right = 10.0, top = 22.0, bottom = 56.0

  /// A label on the x axis: at week `index`, one or two lines.
  struct DateLabel: Equatable {
    var index: Int
    var lines: [String]
  }

  static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// The x axis labels of `weeks`. Up to 10 weeks: every week's Monday (`Mar 2`), the year
  /// under the first. Longer: the first week starting in a month, every 1, 2, 3, 6 or 12
  /// months (the fewest that keep it to 8 labels), the year under each January and the first.
  static func dateLabels(_ weeks: [LocalDay]) -> [DateLabel] {
    guard let first = weeks.first else { return [] }
    if weeks.count <= 10 {
      let step = weeks.count <= 5 ? 1 : 2
      return stride(from: 0, to: weeks.count, by: step).map { index in
        let day = weeks[index]
        let text = "\(monthAbbreviations[day.month - 1]) \(day.day)"
        return DateLabel(index: index, lines: index == 0 || day.year != weeks[index - step].year ? [text, String(day.year)] : [text])
      }
    }
    // The weeks whose Monday is the first Monday of its month.
    let starts = weeks.indices.filter { $0 == 0 ? first.day <= 7 : weeks[$0].month != weeks[$0 - 1].month }
    let months = Set(starts.map { weeks[$0].year * 12 + weeks[$0].month - 1 }).count
    let step = [1, 2, 3, 6, 12].first { (months + $0 - 1) / $0 <= 8 } ?? 12
    var labels: [DateLabel] = []
    for index in starts {
      let day = weeks[index]
      guard (day.month - 1) % step == 0 else { continue }
      let text = monthAbbreviations[day.month - 1]
      labels.append(DateLabel(index: index, lines: labels.isEmpty || day.month == 1 ? [text, String(day.year)] : [text]))
    }
    return labels
  }

  func render() -> String {
    let s = SVGChart.self
    let plotWidth = s.width - s.left - s.right, plotHeight = s.height - s.top - s.bottom
    let count = max(weeks.count, 2)
    // One week is drawn in the middle of the plot.
    func x(_ index: Int) -> Double { weeks.count == 1 ? s.left + plotWidth / 2 : s.left + plotWidth * Double(index) / Double(count - 1) }
    func y(_ value: Double) -> Double {
      s.top + plotHeight * (1 - (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / (range.upperBound - range.lowerBound))
    }
    let name = HTMLText.escape(title)
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(s.width)) \(Int(s.height))\" width=\"\(Int(s.width))\" height=\"\(Int(s.height))\" role=\"img\" aria-label=\"\(name)\">"
    svg += "<title>\(name)</title>"
    svg += "<text x=\"\(f(s.left))\" y=\"14\" font-size=\"12\" font-weight=\"600\">\(name)</text>"
    for tick in ticks where range.contains(tick) {
      svg += "<line x1=\"\(f(s.left))\" x2=\"\(f(s.width - s.right))\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\" stroke=\"#e3e3e3\"/>"
      svg += "<text x=\"\(f(s.left - 4))\" y=\"\(f(y(tick) + 3.5))\" font-size=\"10\" text-anchor=\"end\" fill=\"#666\">\(HTMLText.escape(tickLabel(tick)))</text>"
    }
    let axisY = s.top + plotHeight
    svg += "<line x1=\"\(f(s.left))\" x2=\"\(f(s.width - s.right))\" y1=\"\(f(axisY))\" y2=\"\(f(axisY))\" stroke=\"#999\"/>"
    for label in SVGChart.dateLabels(weeks) {
      let at = x(label.index)
      svg += "<line x1=\"\(f(at))\" x2=\"\(f(at))\" y1=\"\(f(axisY))\" y2=\"\(f(axisY + 4))\" stroke=\"#999\"/>"
      for (line, text) in label.lines.enumerated() {
        svg += "<text x=\"\(f(at))\" y=\"\(f(axisY + 14 + 11 * Double(line)))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#666\">\(HTMLText.escape(text))</text>"
      }
    }
    // Legend items side by side from the left edge, each as wide as its name (up to 6.2 px a
    // character at 10 px, the ■ and the gap in the 16): the five ratings fit in 340 px.
    var legendX = 4.0
    for (index, item) in series.enumerated() {
      let color = SVGChart.colors[index % SVGChart.colors.count]
      var segments: [[(Double, Double)]] = [[]]
      for (i, value) in item.values.enumerated() {
        if let value { segments[segments.count - 1].append((x(i), y(value))) } else if !segments[segments.count - 1].isEmpty { segments.append([]) }
      }
      for segment in segments where !segment.isEmpty {
        if segment.count == 1 {
          svg += "<circle cx=\"\(f(segment[0].0))\" cy=\"\(f(segment[0].1))\" r=\"2.5\" fill=\"\(color)\"/>"
        } else {
          let points = segment.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
          svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points)\"/>"
        }
      }
      svg += "<text x=\"\(f(legendX))\" y=\"\(f(s.height - 6))\" font-size=\"10\" fill=\"\(color)\">■ \(HTMLText.escape(item.name))</text>"
      legendX += 16 + 6.2 * Double(item.name.count)
    }
    return svg + "</svg>"
  }

  /// The chart's text alternative: first and last value of each series, with dates.
  func describe() -> String {
    let parts = series.compactMap { item -> String? in
      let present = zip(weeks, item.values).compactMap { week, value in value.map { (week, $0) } }
      guard let first = present.first, let last = present.last else { return nil }
      return "\(item.name) \(tickLabel(first.1)) (week of \(first.0)) to \(tickLabel(last.1)) (week of \(last.0))"
    }
    return "\(title): " + parts.joined(separator: "; ")
  }

  private func f(_ value: Double) -> String { String(format: "%.1f", value) }

  static func short(_ value: Double, digits: Int = 1) -> String { NumberText.short(value, digits: digits) }
}
