/// A record that belongs to a subject: what pseudonymisation rewrites, whatever its kind.
package protocol SubjectRecord {
  var id: String { get set }
  var subject: String { get set }
  var source: SourceLocation { get set }
}
extension CheckIn: SubjectRecord {}
extension AnalyzedRecord: SubjectRecord {}
