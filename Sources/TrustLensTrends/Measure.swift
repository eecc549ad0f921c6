/// A named series of ratings, one value per day with a held check-in that rated it.
struct Measure {
  let name: String
  let values: SubjectSeries.Series

  var numbers: [Double] { values.map(\.value) }
}
