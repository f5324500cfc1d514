/// Units charged to an app's daily quota, as `AppRepository.charge` made them: enough to give
/// them back to the same day.
public struct UsageCharge: Sendable, Equatable {
  public var appID: String
  /// The UTC day charged, `yyyy-MM-dd`.
  public var day: String
  public var units: Int

  public init(appID: String, day: String, units: Int) {
    self.appID = appID
    self.day = day
    self.units = units
  }
}
