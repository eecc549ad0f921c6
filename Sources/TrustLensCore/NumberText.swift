/// Numbers as people read them, the same in every output: short decimals, percentages,
/// p-values and counted nouns ("1 entry", "3 entries").
package enum NumberText {
  /// `value` rounded to at most `digits` decimals, without trailing zeros: `2`, `6.5`,
  /// `-0.38`. Negative zero prints as `0`.
  package static func short(_ value: Double, digits: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<max(0, digits) { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    guard rounded.isFinite else { return "—" }
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
  }

  /// A share in [0, 1] as a whole percentage: `0.615` → `62%`.
  package static func percent(_ share: Double) -> String {
    guard share.isFinite else { return "—" }
    return "\(Int((share * 100).rounded()))%"
  }

  /// A p-value as the evidence sentences write it, without the `p`: `< 0.001` below 0.001,
  /// else three decimals (`0.012`, `0.400`).
  package static func pValue(_ p: Double) -> String {
    guard p.isFinite else { return "—" }
    if p < 0.001 { return "< 0.001" }
    let scaled = Int((min(p, 1) * 1000).rounded())
    let fraction = String(scaled % 1000)
    return "\(scaled / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
  }

  /// `count` and the noun in the right number: `1 entry`, `0 entries`, `2 check-ins`.
  /// - Parameter plural: the plural form; the singular with `s` when not given.
  package static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
  }
}
