/// Where a run is, for a progress display: records and bytes read (against the inputs' total
/// size when every input is a file), then each output as it is written.
public enum RunProgress: Sendable, Equatable {
  /// Reading and analysing: `records` read so far, `bytes` of input consumed, and the inputs'
  /// total size (`nil` when one of them is standard input, whose size is not known).
  case reading(records: Int, bytes: Int, totalBytes: Int?)
  /// Writing outputs: the files just written (relative to the output folder) as `part` of
  /// `parts` — the run's own outputs are part 1, each subject's folder one more part.
  case writing(outputs: [String], part: Int, parts: Int)
}
