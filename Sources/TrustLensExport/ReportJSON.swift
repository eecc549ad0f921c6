import TrustLensCore
import TrustLensTrends

/// `report.json`: the whole report — run facts plus every subject's assessment in the
/// `trends --format json` shape, with weekly series. Its schema is in README.md.
package enum ReportJSON {
  /// Writes the JSON in pieces (a subject at a time) to `emit`, so a caseload of thousands
  /// of subjects is never held whole in memory.
  package static func write(_ report: Report, to emit: ([UInt8]) throws -> Void) throws {
    var json = JSONWriter()
    json.beginObject()
    json.field("pipeline", report.pipeline)
    json.field("as_of", report.asOf?.description)
    json.key("counts")
    json.beginObject()
    json.field("records", report.counts.records)
    json.field("entries", report.counts.entries)
    json.field("checkins", report.counts.checkIns)
    json.field("rejected", report.counts.rejected)
    json.field("duplicates", report.counts.duplicates)
    json.endObject()
    let outcomes = report.outcomes
    json.key("outcomes")
    json.beginObject()
    json.field("reliably_improved", outcomes.improved)
    json.field("reliably_deteriorated", outcomes.deteriorated)
    json.field("no_reliable_change", outcomes.unchanged)
    json.field("not_measured", outcomes.notMeasured)
    json.field("inactive", outcomes.inactive)
    json.endObject()
    json.key("lexicons")
    json.beginArray()
    for lexicon in report.lexicons { json.value(lexicon) }
    json.endArray()
    json.key("subjects")
    json.beginArray()
    for subject in report.subjects {
      var a = subject.assessment
      a.subject = subject.displayName
      json.beginObject()
      json.key("assessment")
      TrendsJSON.write(a, into: &json)
      json.key("weekly")
      json.beginArray()
      for (start, bucket) in try subject.weekly {
        json.beginObject()
        json.field("week", start.description)
        json.field("texts", bucket.texts)
        json.field("entries", bucket.entries)
        json.field("valence", bucket.texts > 0 ? TrendsJSON.round(bucket.valenceSum / Double(bucket.texts), 3) : nil)
        json.field("checkins_held", bucket.checkInsHeld)
        json.field("checkins_skipped", bucket.checkInsSkipped)
        json.key("ratings")
        json.beginObject()
        for name in bucket.ratingCounts.keys.sorted() { json.field(name, bucket.rating(name).map { TrendsJSON.round($0, 2) }) }
        json.endObject()
        json.key("tags")
        json.beginObject()
        let counts = bucket.tagCounts  // built on each use: once per bucket
        for tag in TagOrder.sorted(counts.keys) { json.field(tag, counts[tag] ?? 0) }
        json.endObject()
        json.endObject()
      }
      json.endArray()
      json.endObject()
      try emit(json.takeBytes())
    }
    json.endArray()
    json.endObject()
    try emit(json.takeBytes() + [UInt8(ascii: "\n")])
  }
}
