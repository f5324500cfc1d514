import Foundation
import LoupeStore

/// An app's daily quota (`AppRecord.dailyQuota`) as the application spends it: a number of
/// units per UTC day. What costs what:
///
/// - a request that queues jobs costs one unit per job (a 100-video batch costs 100), charged
///   by `JobAdmission` once the request is valid, and nothing if it is refused;
/// - reading a job or a batch costs nothing, so a client that spent its quota on jobs can still
///   collect their results;
/// - every other signed request (a synchronous action, an upload) costs one unit, charged by
///   the HTTP edge as it lets the request in: a request is the edge's notion.
///
/// A charge the quota cannot cover whole is refused whole, with `ServiceError.quotaExceeded`,
/// and charges nothing. Checking and charging are one atomic step in the store, so concurrent
/// requests cannot together spend more than the quota.
public struct DailyQuota: Sendable {
  let apps: AppRepository
  let now: @Sendable () -> Date

  public init(apps: AppRepository, now: @escaping @Sendable () -> Date = Date.init) {
    self.apps = apps
    self.now = now
  }

  /// Charges `units` to the app's day, or throws `ServiceError.quotaExceeded` charging nothing.
  public func charge(_ units: Int, appID: String) async throws -> UsageCharge {
    guard let charge = try await apps.charge(units, appID: appID, now: now()) else {
      throw ServiceError.quotaExceeded
    }
    return charge
  }

  /// Gives back a charge whose work was not carried out after all.
  public func refund(_ charge: UsageCharge) async throws {
    try await apps.refund(charge)
  }
}
