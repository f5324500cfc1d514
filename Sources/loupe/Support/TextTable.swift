/// Prints a header and rows as left-aligned columns, each as wide as its widest cell: how the
/// benchmarks show their figures.
func printTable(header: [String], rows: [[String]]) {
  let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
  for row in [header] + rows {
    print(
      row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
    )
  }
}
