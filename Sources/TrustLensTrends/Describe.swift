/// Plain descriptive helpers that say when they are undefined.
enum Describe {
  /// The arithmetic mean, or `nil` for no values.
  static func mean(_ values: some Collection<Double>) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  /// The median, or `nil` for no values.
  static func median(_ values: some Collection<Double>) -> Double? {
    values.isEmpty ? nil : TrendTest.median(Array(values))
  }

  /// The sample variance (n − 1), or `nil` for fewer than two values.
  static func variance(_ values: some Collection<Double>) -> Double? {
    guard values.count >= 2, let mean = mean(values) else { return nil }
    return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
  }

  /// A series' noise level (its standard deviation around its own course), estimated robustly
  /// from successive differences: median |Δ| / (0.6745 · √2). A trend or a single jump barely
  /// moves it. `nil` for fewer than three values.
  static func noise(_ values: [Double]) -> Double? {
    guard values.count >= 3 else { return nil }
    let differences = zip(values.dropFirst(), values).map { abs($0 - $1) }
    return TrendTest.median(differences) / (0.6745 * 2.0.squareRoot())
  }
}
