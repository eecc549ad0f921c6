import TrustLensCore
import TrustLensTrends

/// `summary.json`: the run summary of the contract, written by every run.
package enum SummaryJSON {
  package static func encode(_ report: Report) -> String {
    var json = JSONWriter()
    json.beginObject()
    json.field("pipeline", report.pipeline)
    json.field("as_of", report.asOf?.description)
    json.key("counts")
    json.beginObject()
    let c = report.counts
    json.field("records", c.records)
    json.field("entries", c.entries)
    json.field("checkins", c.checkIns)
    json.field("rejected", c.rejected)
    json.field("duplicates", c.duplicates)
    json.field("analyzed", c.analyzed)
    json.field("reused", c.reused)
    json.endObject()
    json.key("subjects")
    json.beginArray()
    for subject in report.subjects {
      json.beginObject()
      json.field("subject", subject.displayName)
      json.field("status", subject.assessment.status.rawValue)
      json.field("previous_status", subject.previousStatus)
      json.key("signals")
      json.beginArray()
      for signal in subject.assessment.signals { json.value(signal.kind) }
      json.endArray()
      json.key("new_signals")
      json.beginArray()
      for kind in subject.newSignals ?? subject.assessment.signals.map(\.kind) { json.value(kind) }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    json.objects("skipped", report.skippedFiles) { json, file in
      json.field("path", file.path)
      json.field("reason", file.reason)
    }
    json.key("alerts")
    json.beginArray()
    for alert in report.alerts { json.value(alert) }
    json.endArray()
    json.key("outputs")
    json.beginArray()
    for output in report.outputs { json.value(output) }
    json.endArray()
    json.endObject()
    return json.text + "\n"
  }
}
