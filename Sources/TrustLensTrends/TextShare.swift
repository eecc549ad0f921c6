/// How many of a period's texts carry some tags.
struct TextShare {
  var hits: Int
  var texts: Int

  /// The share, 0 without texts.
  var fraction: Double { texts > 0 ? Double(hits) / Double(texts) : 0 }

  /// `5 of 12 texts`.
  var phrase: String { "\(hits) of \(texts) texts" }
}
