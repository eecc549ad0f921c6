/// Taxonomy order for built-in tags; custom categories after them, by name.
package enum TagOrder {
  package static func sorted(_ tags: some Sequence<String>) -> [String] {
    // Each tag ranked once, not once per comparison.
    tags.map { (rank: rank($0), tag: $0) }
      .sorted { lhs, rhs in lhs.rank != rhs.rank ? lhs.rank < rhs.rank : lhs.tag < rhs.tag }
      .map(\.tag)
  }

  /// The position of `tag` in the order: emotions, then themes, then custom tags (1000).
  package static func rank(_ tag: String) -> Int { ranks[tag] ?? 1000 }

  private static let ranks: [String: Int] = Dictionary(
    uniqueKeysWithValues: Taxonomy.emotions.enumerated().map { ($0.element, $0.offset) }
      + Taxonomy.themes.enumerated().map { ($0.element, 100 + $0.offset) })
}
