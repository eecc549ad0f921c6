import TrustLensCore
package import TrustLensTrends

/// The `trends --format json` document: an array with one object per subject.
package enum TrendsJSON {
  package static func encode(_ assessments: [Assessment]) -> String {
    var json = JSONWriter()
    json.beginArray()
    for assessment in assessments { write(assessment, into: &json) }
    json.endArray()
    return json.text
  }

  /// One subject object, as in the contract.
  static func write(_ a: Assessment, into json: inout JSONWriter) {
    json.beginObject()
    json.field("subject", a.subject)
    json.field("from", a.from?.description)
    json.field("to", a.to?.description)
    json.field("entries", a.entries)
    json.field("checkins", a.checkIns)
    json.field("skipped_checkins", a.skippedCheckIns)
    json.field("status", a.status.rawValue)
    json.key("status_evidence")
    json.beginArray()
    for sentence in a.statusEvidence { json.value(sentence) }
    json.endArray()
    json.key("signals")
    json.beginArray()
    for signal in a.signals {
      json.beginObject()
      json.field("kind", signal.kind)
      json.field("from", signal.from.description)
      json.field("to", signal.to.description)
      json.field("strength", (signal.strength * 100).rounded() / 100)
      json.key("evidence")
      json.beginArray()
      for sentence in signal.evidence { json.value(sentence) }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    json.key("metrics")
    json.beginObject()
    for name in a.metrics.keys.sorted() {
      let metric = a.metrics[name]!
      json.key(name)
      json.beginObject()
      json.field("first", round(metric.first, 3))
      json.field("last", round(metric.last, 3))
      json.field("slope_per_week", metric.slopePerWeek.map { round($0, 3) })
      json.field("trend_p", metric.trendP.map { round($0, 4) })
      json.field("points", metric.points)
      if let rci = metric.reliableChange { json.field("rci", round(rci, 2)) }
      json.endObject()
    }
    json.endObject()
    json.endObject()
  }

  static func round(_ value: Double, _ digits: Int) -> Double {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return (value * scale).rounded() / scale
  }
}
