/// How the files of one input are laid out, where detection needs help: the settings a
/// pipeline input (`delimiter:`, `encoding:`, `columns:`, `date_format:`, `decimal:`,
/// `follow_links: anywhere`) or the command line (`--delimiter`, `--encoding`, `--column`,
/// `--date-format`) passes to the readers unchanged. Every field's default is "detect".
package struct ReadingOptions: Sendable, Equatable {
  /// The column separator of CSV/TSV files; `nil` sniffs it (`,` `;` tab `|`) from the header
  /// and the first rows.
  package var delimiter: Delimiter?
  /// The text encoding; `nil` detects it (see ``TextEncoding`` and the README).
  package var encoding: TextEncoding?
  /// Columns (or JSON keys) named for fields, over the default aliases.
  package var columns = ColumnMapping()
  /// A pattern for the dates of this input (`DD.MM.YYYY HH:mm`); ISO 8601 dates are read too.
  package var datePattern: DatePattern?
  /// Ratings written with a decimal comma (`3,5`). Without it a decimal comma is still read
  /// in files whose columns are not separated by commas.
  package var decimalComma = false
  /// Followed symbolic links may lead outside the input folder (`follow_links: anywhere`).
  package var linksAnywhere = false

  package init() {}
}
