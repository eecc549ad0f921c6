/// A point of an irregular series: its time in days and its value.
struct SeriesPoint: Sendable, Equatable {
  var day: Double
  var value: Double

  init(day: Double, value: Double) {
    self.day = day
    self.value = value
  }
}
