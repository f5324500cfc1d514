import Hummingbird
import LoupeServices

/// Charges each request one unit of its app's daily quota before the route runs, refusing it
/// with `exceeded quota` when none is left. Only on the routes whose requests cost one unit:
/// not on those that queue jobs (charged per job by `JobAdmission`) nor on job reads, which are
/// free (the rule is `DailyQuota`'s).
struct RequestQuotaMiddleware: RouterMiddleware {
  typealias Context = AppRequestContext
  let quota: DailyQuota

  func handle(
    _ request: Request,
    context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    _ = try await quota.charge(1, appID: context.app.id)
    return try await next(request, context)
  }
}
