import TrustLensCore
import TrustLensExport
import Dispatch
import Synchronization

/// What a ``WorkbookFeed`` writes to: the run's ``StreamingWorkbook`` (a stand-in in tests).
protocol FedWorkbook: AnyObject {
  func add(_ record: AnalyzedRecord) throws
  func finish(_ report: Report, records: some RecordSource, subject: String?) throws
}
