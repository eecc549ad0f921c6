/// How many texts of a period carried one tag, and their summed intensity.
package struct TagTally: Sendable, Equatable {
  package var id: UInt32
  package var count: Int32
  package var intensity: Double
}
