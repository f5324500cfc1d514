extension JobAdmission.Configuration {
  mutating func apply(_ file: ConfigurationFile.Jobs) throws {
    if let limit = file.maxUnfinishedPerApp {
      maxUnfinishedPerApp = try positive(limit, "jobs.max_unfinished_per_app")
    }
  }
}
