public import TrustLensCore

/// The `analyze --format jsonl` line of an analysed record, per the contract.
public enum AnalysisLine {
  /// One JSON object without a line end. Emotions and themes appear in taxonomy order
  /// (custom categories after, by name); evidence in text order.
  public static func encode(_ record: AnalyzedRecord) -> String {
    var json = JSONWriter()
    json.beginObject()
    json.field("id", record.id)
    json.field("subject", record.subject)
    json.field("date", record.date.description)
    json.field("source", record.source.description)
    json.field("kind", record.kind.rawValue)
    if let author = record.author { json.field("author", author) }
    if !record.userTags.isEmpty {
      json.key("tags")
      json.beginArray()
      for tag in record.userTags { json.value(tag) }
      json.endArray()
    }
    json.field("words", record.analysis.words)
    json.field("valence", record.analysis.valence)
    json.key("emotions")
    writeTags(record.analysis.emotions, into: &json)
    json.key("themes")
    writeTags(record.analysis.themes, into: &json)
    json.key("evidence")
    json.beginArray()
    for evidence in record.analysis.evidence {
      json.beginObject()
      json.field("tag", evidence.tag)
      json.field("match", evidence.match)
      json.field("sentence", evidence.sentence)
      json.field("weight", evidence.weight)
      json.field("start", evidence.start)
      json.field("end", evidence.end)
      if !evidence.rules.isEmpty {
        json.key("rules")
        json.beginArray()
        for rule in evidence.rules { json.value(rule) }
        json.endArray()
      }
      json.endObject()
    }
    json.endArray()
    json.endObject()
    return json.text
  }

  static func writeTags(_ tags: [String: Double], into json: inout JSONWriter) {
    json.beginObject()
    for tag in TagOrder.sorted(tags.keys) { json.field(tag, tags[tag]) }
    json.endObject()
  }
}

/// Taxonomy order for built-in tags; custom categories after them, by name.
public enum TagOrder {
  public static func sorted(_ tags: some Sequence<String>) -> [String] {
    // Each tag ranked once, not once per comparison.
    tags.map { (rank: rank($0), tag: $0) }
      .sorted { lhs, rhs in lhs.rank != rhs.rank ? lhs.rank < rhs.rank : lhs.tag < rhs.tag }
      .map(\.tag)
  }

  static func rank(_ tag: String) -> Int {
    if let index = Taxonomy.emotions.firstIndex(of: tag) { return index }
    if let index = Taxonomy.themes.firstIndex(of: tag) { return 100 + index }
    return 1000
  }
}
