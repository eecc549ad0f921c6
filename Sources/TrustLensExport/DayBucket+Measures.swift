package import TrustLensCore
package import TrustLensTrends

extension DayBucket {
  /// Mean valence of the period's texts, in [-1, 1]; `nil` without texts. The one place it
  /// is computed: every sheet, chart, sparkline and JSON field shows this value.
  package var meanValence: Double? { texts > 0 ? valenceSum / Double(texts) : nil }

  /// Every rating the period has a mean for, in ``Rating`` order.
  package var ratings: [(rating: Rating, mean: Double)] {
    Rating.allCases.compactMap { rating in self.rating(rating.rawValue).map { (rating, $0) } }
  }
}
