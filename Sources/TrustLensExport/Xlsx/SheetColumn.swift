/// One column of a table sheet: its header, its width (at least the header's, with room for
/// the filter button), whether it holds numbers or dates (then its header is right-aligned
/// over them, as their cells are), and a note on its header cell explaining it.
struct SheetColumn {
  var title: String
  var width: Double
  var number = false
  var note: String?

  init(_ title: String, width: Double = 0, number: Bool = false, note: String? = nil) {
    self.title = title
    self.width = width
    self.number = number
    self.note = note
  }

  /// The width the column is given: its own, but never narrower than its header (plus
  /// three characters for the filter button).
  var shownWidth: Double { max(width, Double(title.count) + 3) }
}
